package idrill.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import idrill.bank.BankLoader;
import idrill.bank.Difficulty;
import idrill.bank.LoadResult;
import idrill.bank.Position;
import idrill.bank.Question;
import idrill.bank.Ref;
import java.util.List;
import org.junit.jupiter.api.Test;

class BankWriterTest {
  private static final Position P = new Position("f", 1, 1);

  private static List<Question> load(String yaml) {
    LoadResult r = new BankLoader().loadText("written.yaml", yaml);
    assertEquals(List.of(), r.problems(), yaml);
    return r.bank().questions();
  }

  @Test
  void everyImportedFixtureLoadsBackUnchanged() {
    List<Question> imported = Fixtures.read("details.md", "bold.md", "headings.md", "admonition.md", "anki-tab.txt", "anki-comma.txt").questions();
    List<Question> back = load(BankWriter.yaml(imported));
    assertEquals(imported.size(), back.size());
    for (int i = 0; i < imported.size(); i++) {
      Question a = imported.get(i);
      Question b = back.get(i);
      assertEquals(a.id(), b.id());
      assertEquals(a.question(), b.question());
      assertEquals(a.answer(), b.answer());
      assertEquals(a.tags(), b.tags());
      assertEquals(a.difficulty(), b.difficulty());
    }
  }

  @Test
  void multiLineTextsAreLiteralBlocksAndKeysKeepTheirOrder() {
    Question q = new Question("code", "How?", "Like this:\n\n```sh\nls -l\n```", List.of("shell", "basics"), Difficulty.EASY,
        List.of(new Ref(null, "https://example.org/a"), new Ref("The manual: ls", "https://example.org/b")), P);
    String yaml = BankWriter.yaml(List.of(q));
    assertEquals("questions:\n"
        + "  - id: code\n"
        + "    question: How?\n"
        + "    answer: |-\n"
        + "      Like this:\n"
        + "\n"
        + "      ```sh\n"
        + "      ls -l\n"
        + "      ```\n"
        + "    tags: [shell, basics]\n"
        + "    difficulty: easy\n"
        + "    refs:\n"
        + "      - https://example.org/a\n"
        + "      - title: 'The manual: ls'\n"
        + "        url: https://example.org/b\n", yaml);
    assertEquals(q.refs(), load(yaml).get(0).refs());
  }

  @Test
  void trailingSpacesAndTabsDoNotForceQuotedScalars() {
    Question q = new Question("t", "Why?", "line one   \n\tindented by a tab\ncode:\n\n\tmake all\t\nend", List.of("t"), null, List.of(), P);
    String yaml = BankWriter.yaml(List.of(q));
    assertTrue(yaml.contains("answer: |-\n"), yaml);
    assertFalse(yaml.contains("\t"), yaml);
    // the three spaces were a hard break (the next line continues the paragraph): kept as a backslash
    assertEquals("line one\\\n    indented by a tab\ncode:\n\n    make all\nend", load(yaml).get(0).answer());
  }

  @Test
  void aHardBreakOfTwoSpacesBecomesABackslash() {
    Question q = new Question("t", "Why?", "first line  \nsecond line\n\n```\ncode  \nmore\n```", List.of("t"), null, List.of(), P);
    assertEquals("first line\\\nsecond line\n\n```\ncode\nmore\n```", load(BankWriter.yaml(List.of(q))).get(0).answer());
  }

  @Test
  void scalarsThatReadAsOtherTypesAreQuoted() {
    Question q = new Question("yes", "null", "true", List.of("no", "1-0"), null, List.of(), P);
    Question back = load(BankWriter.yaml(List.of(q))).get(0);
    assertEquals("yes", back.id());
    assertEquals("null", back.question());
    assertEquals("true", back.answer());
    assertEquals(List.of("no", "1-0"), back.tags());
  }

  @Test
  void questionsAreSeparatedByABlankLine() {
    List<Question> qs = List.of(
        new Question("a", "A?", "a", List.of("t"), null, List.of(), P),
        new Question("b", "B?", "b", List.of("t"), null, List.of(), P));
    assertEquals("questions:\n  - id: a\n    question: A?\n    answer: a\n    tags: [t]\n\n"
        + "  - id: b\n    question: B?\n    answer: b\n    tags: [t]\n", BankWriter.yaml(qs));
  }
}
