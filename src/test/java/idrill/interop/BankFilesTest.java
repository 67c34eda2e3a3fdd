package idrill.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import idrill.bank.BankLoader;
import idrill.bank.LoadResult;
import idrill.bank.Position;
import idrill.bank.Question;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BankFilesTest {
  private static Question q(int i, String answer) {
    return new Question("q" + i, "Question " + i + "?", answer, List.of("t"), null, List.of(), new Position("src.md", i, 1));
  }

  @Test
  void moreQuestionsThanOneFileHoldsAreSplitIntoPartsThatEachLoad() {
    List<Question> qs = new ArrayList<>();
    for (int i = 0; i < 10_050; i++) qs.add(q(i, "Answer " + i + "."));
    assertTrue(BankFiles.needsParts(qs));
    BankFiles.Written w = BankFiles.write(qs, true);
    assertEquals(2, w.parts().size());
    int loaded = 0;
    for (String part : w.parts()) {
      LoadResult r = new BankLoader().loadText("part.yaml", part);
      assertFalse(r.hasErrors(), r.problems().toString());
      loaded += r.bank().questions().size();
    }
    assertEquals(10_050, loaded);
  }

  @Test
  void moreBytesThanOneFileHoldsAreSplitUnderTheSizeLimit() {
    List<Question> qs = new ArrayList<>();
    for (int i = 0; i < 100; i++) qs.add(q(i, ("line " + i + " of a long answer\n").repeat(2_000)));
    BankFiles.Written w = BankFiles.write(qs, true);
    assertTrue(w.parts().size() >= 2);
    for (String part : w.parts()) assertFalse(new BankLoader().loadText("part.yaml", part).hasErrors());
  }

  @Test
  void anEntryTheLoaderRefusesIsSkippedWithItsSourceLine() {
    List<Question> qs = List.of(q(1, "fine"),
        new Question("q2", "Bad ref?", "x", List.of("t"), null, List.of(new idrill.bank.Ref(null, "ftp://nope")),
            new Position("src.md", 7, 1)),
        q(3, "fine too"));
    BankFiles.Written w = BankFiles.write(qs, false);
    assertEquals(List.of("q1", "q3"), w.questions().stream().map(Question::id).toList());
    assertEquals(1, w.skipped().size());
    assertTrue(w.skipped().get(0).startsWith("src.md:7: skipped: invalid URL"), w.skipped().get(0));
  }
}
