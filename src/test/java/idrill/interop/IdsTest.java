package idrill.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import idrill.bank.Question;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void importingTheSameSourcesTwiceGivesTheSameIds() {
    String[] all = {"details.md", "bold.md", "headings.md", "admonition.md", "anki-tab.txt", "anki-comma.txt"};
    List<String> first = Fixtures.read(all).questions().stream().map(Question::id).toList();
    List<String> second = Fixtures.read(all).questions().stream().map(Question::id).toList();
    assertEquals(21, first.size());
    assertEquals(first, second);
  }

  @Test
  void longQuestionsAreCutAtAWordBoundaryWithinFortyEightCharacters() {
    String id = Slugs.id("While training deep learning models, why do we prefer training on mini-batches?");
    assertEquals("while-training-deep-learning-models-why-do-we", id);
    assertTrue(id.length() <= 48);
    assertEquals("a".repeat(48), Slugs.id("a".repeat(60))); // one long word: a hard cut
  }

  @Test
  void slugsFoldAccentsAndApostrophes() {
    assertEquals("whats-a-cafes-role-in-naive-bayes", Slugs.slug("What's a café's rôle in Naïve Bayes?"));
    assertEquals("c-plus-plus-vs-c-sharp", Slugs.slug("C++ vs. C#"));
  }

  @Test
  void questionsWithoutAsciiWordsGetAStableHashId() {
    assertEquals(Slugs.id("什么是容器？"), Slugs.id("什么是容器？"));
    assertTrue(Slugs.id("什么是容器？").matches("q-[0-9a-f]+"));
  }

  @Test
  void questionsWhoseIdsWouldBeTheSameGetAHashOfTheirTextNotTheirPlace() {
    String text = "## A\n\n**What is X?**\n\none\n\n## B\n\n**What is X!**\n\ntwo\n\n## C\n\n**What is X...**\n\nthree\n";
    // the three differ only in punctuation: the first is kept, the others are the same question
    ImportResult same = Fixtures.readText("x.md", text);
    assertEquals(List.of("what-is-x"), same.questions().stream().map(Question::id).toList());
    assertEquals(2, same.reports().get(0).skipped().size());

    // different questions whose ids would be the same: the 48-character cut, or words an id cannot hold
    String prefix = "What happens when a Kubernetes node runs out of memory";
    String differ = "**" + prefix + " during a rollout?**\n\none\n\n**" + prefix + " at night?**\n\ntwo\n\n"
        + "**Qu'est-ce que X ?**\n\nthree\n\n**Qu'est-ce que X, 日本 ?**\n\nfour\n";
    ImportResult r = Fixtures.readText("y.md", differ);
    List<String> ids = r.questions().stream().map(Question::id).toList();
    assertEquals(4, ids.size());
    assertEquals("what-happens-when-a-kubernetes-node-runs-out-of", ids.get(0));
    assertTrue(ids.get(1).matches("what-happens-when-a-kubernetes-node-runs-[0-9a-f]{6}"), ids.get(1));
    assertEquals("quest-ce-que-x", ids.get(2));
    assertTrue(ids.get(3).matches("quest-ce-que-x-[0-9a-f]{6}"), ids.get(3));
    // the suffix comes from the question, not from where it sits: the second keeps its id when the first goes
    String alone = differ.substring(differ.indexOf("**" + prefix + " at night"));
    assertEquals(ids.get(1), Fixtures.readText("y.md", "**Other question?**\n\nx\n\n" + differ.replace("**" + prefix
        + " during a rollout?**\n\none\n\n", "**" + prefix + " today?**\n\nzero\n\n")).questions().get(2).id());
  }
}
