package idrill.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import idrill.bank.BankLoader;
import idrill.bank.Question;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RoundTripTest {
  private static final List<Question> BANK = Fixtures.bank("roundtrip.yaml");

  private static List<Question> importAs(String name, String text) {
    ImportResult r = Fixtures.readText(name, text);
    assertEquals(List.of(), r.reports().get(0).skipped());
    return r.questions();
  }

  /** Same questions, answers, tags and difficulty, in order; ids come back through a merge with the original. */
  private static void assertSame(List<Question> expected, List<Question> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      Question e = expected.get(i);
      Question a = actual.get(i);
      assertEquals(e.question(), a.question());
      assertEquals(e.answer(), a.answer());
      assertEquals(e.tags(), a.tags());
      assertEquals(e.difficulty(), a.difficulty(), e.id());
    }
    BankMerge.Result merged = BankMerge.merge(expected, actual);
    assertEquals(expected.size(), merged.kept());
    assertEquals(expected, merged.questions());
  }

  @Test
  void ankiExportImportsBackToTheSameQuestions() {
    String anki = Exporter.anki(BANK);
    assertTrue(anki.startsWith("#separator:tab\n#html:true\n#tags column:3\n#guid column:4\n"));
    assertEquals(4 + BANK.size(), anki.split("\n", -1).length - 1, "one line per note");
    assertSame(BANK, importAs("bank.txt", anki));
  }

  @Test
  void markdownExportImportsBackToTheSameQuestions() {
    assertSame(BANK, importAs("bank.md", Exporter.markdown(BANK)));
  }

  @Test
  void yamlExportLoadsBackToTheSameQuestions() {
    List<Question> back = new BankLoader().loadText("bank.yaml", BankWriter.yaml(BANK)).orThrow().questions();
    assertSame(BANK, back);
    assertEquals(BANK.stream().map(Question::id).toList(), back.stream().map(Question::id).toList());
  }

  @Test
  void importedFixturesSurviveBothExportsWithTheSameMeaning() {
    List<Question> imported = Fixtures.read("details.md", "bold.md", "headings.md", "admonition.md", "anki-tab.txt", "anki-comma.txt").questions();
    // Markdown: the exact text comes back, with the ids; the export groups by tag, so compare by id
    java.util.Comparator<Question> byId = java.util.Comparator.comparing(Question::id);
    assertSame(imported.stream().sorted(byId).toList(), importAs("all.md", Exporter.markdown(imported)).stream().sorted(byId).toList());
    // Anki: the HTML it shows is the same; Markdown spelling may differ ($x$ becomes \(x\), table padding goes)
    List<Question> back = importAs("all.txt", Exporter.anki(imported));
    Function<String, String> html = md -> Exporter.html(md).replaceAll("\\s+", " ");
    assertEquals(imported.size(), back.size());
    for (int i = 0; i < imported.size(); i++) {
      assertEquals(imported.get(i).id(), back.get(i).id());
      assertEquals(html.apply(imported.get(i).question()), html.apply(back.get(i).question()));
      assertEquals(html.apply(imported.get(i).answer()), html.apply(back.get(i).answer()));
      assertEquals(imported.get(i).tags(), back.get(i).tags());
      assertEquals(imported.get(i).difficulty(), back.get(i).difficulty());
    }
  }
}
