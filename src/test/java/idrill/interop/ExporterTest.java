package idrill.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import idrill.bank.Difficulty;
import idrill.bank.Position;
import idrill.bank.Question;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExporterTest {
  private static Question q(String question, String answer, Difficulty d, String... tags) {
    return new Question(Slugs.id(question), question, answer, List.of(tags), d, List.of(), new Position("f", 1, 1));
  }

  @Test
  void ankiFieldsAreOneLineHtmlWithCodeLinesKept() {
    String out = Exporter.anki(List.of(q("What is `ls`?", "Lists files:\n\n```sh\nls -l\n\tls -a\n```", Difficulty.EASY, "shell", "basics")));
    // the difficulty is a tag and the id the note's guid, not an emoji pasted onto the question
    assertEquals("#separator:tab\n#html:true\n#tags column:3\n#guid column:4\n"
        + "<p>What is <code>ls</code>?</p>\t"
        + "\"<p>Lists files:</p><pre><code class=\"\"language-sh\"\">ls -l&#10;&#9;ls -a&#10;</code></pre>\"\t"
        + "shell basics difficulty::easy\twhat-is-ls\n", out);
  }

  @Test
  void ankiMathLeavesMarkdownAlone() {
    assertEquals("<p>\\(a_1 &lt; b\\) and <code>$HOME$</code> and \\[x^2\\]</p>", Exporter.html("$a_1 < b$ and `$HOME$` and $$x^2$$"));
  }

  @Test
  void markdownGroupsByTagPathWithBoldQuestions() {
    String out = Exporter.markdown(List.of(
        q("What is a Pod?", "A group of containers.", Difficulty.EASY, "k8s"),
        q("What is an Ingress?", "HTTP routing.", null, "k8s", "networking"),
        q("What is a\nService?", "A stable address.", Difficulty.HARD, "k8s"),
        q("What is DNS?", "Names to addresses.", null, "networking")));
    assertEquals("## k8s\n\n"
        + "**What is a Pod?** \uD83D\uDC76\n\nA group of containers.\n\n<!-- idrill {\"id\":\"what-is-a-pod\",\"difficulty\":\"easy\"} -->\n\n"
        + "**What is a Service?** \uD83D\uDE80\n\nA stable address.\n\n<!-- idrill {\"id\":\"what-is-a-service\",\"difficulty\":\"hard\"} -->\n\n"
        + "### networking\n\n"
        + "**What is an Ingress?**\n\nHTTP routing.\n\n<!-- idrill {\"id\":\"what-is-an-ingress\"} -->\n\n"
        + "## networking\n\n"
        + "**What is DNS?**\n\nNames to addresses.\n\n<!-- idrill {\"id\":\"what-is-dns\"} -->\n", out);
  }

  @Test
  void aQuestionThatBreaksDoubleAsterisksUsesUnderscores() {
    Question kw = q("What does **kwargs collect?", "Keyword arguments.", null, "python");
    assertEquals("__What does **kwargs collect?__", Exporter.boldLine(kw));
    List<Question> back = Fixtures.readText("x.md", Exporter.markdown(List.of(kw))).questions();
    assertEquals("What does **kwargs collect?", back.get(0).question());
  }
}
