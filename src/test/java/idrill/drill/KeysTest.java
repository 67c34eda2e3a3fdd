package idrill.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import idrill.drill.Keys.Binding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one key table gives the key map, the help, the words and README's key table, all alike. */
class KeysTest {
  @Test
  void everyActionHasKeysAHelpLineAndACommandAWord() {
    Set<String> sequences = new HashSet<>();
    List<String> help = Keys.helpLines();
    for (Binding b : Keys.TABLE) {
      assertFalse(b.keys().isEmpty(), b.action());
      for (String k : b.keys()) {
        List<String> seqs = Keys.sequences(k, cap -> null);
        assertFalse(seqs.isEmpty(), k);
        for (String seq : seqs) assertTrue(sequences.add(seq), "one key, one action: " + k);
      }
      assertTrue(help.stream().anyMatch(l -> l.contains(b.keyNames()) && l.contains(b.help())), b.action());
      if (b.command() != null) {
        assertNotNull(b.word(), b.action() + " can be typed");
        assertEquals(b.command(), Keys.parse(b.word()), b.word());
        String key = b.keys().get(0);
        if (key.length() == 1) assertEquals(b.command(), Keys.parse(key), "the line mode takes the key too");
        assertTrue(Keys.completions(List.of()).contains(b.word().split(" ")[0]), "completed: " + b.word());
      }
    }
  }

  @Test
  void theCommandLineCompletesTheSecondWordFromTheTable() {
    assertEquals(List.of("again", "hard", "good", "easy"), Keys.completions(List.of("grade")));
    assertEquals(List.of(), Keys.completions(List.of("next")));
  }

  @Test
  void aNearMissGetsTheNearestWordAndAnIncompleteOneWhatItNeeds() {
    assertEquals("unknown command: gade — did you mean 'grade'?", Keys.explain("gade", w -> w));
    assertEquals("grade needs one of again, hard, good, easy", Keys.explain("grade", w -> w));
    assertEquals("unknown command: frobnicate — try help", Keys.explain("frobnicate", w -> w));
  }

  @Test
  void drillHelpSaysWhatTheTableSays() {
    assertEquals(Keys.keysLine(), Keys.KEYS_LINE, "drill --help's keys line: paste the expected text");
    assertEquals(String.join(", ", Keys.shownWords()), Keys.WORDS_LINE, "drill --help's words: paste the expected text");
  }

  @Test
  void readmesKeyTableIsTheTable() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    for (Binding b : Keys.TABLE) {
      String row = "| " + b.keyNames() + " | " + b.help() + " |";
      assertTrue(readme.contains(row), "README lacks the row: " + row);
    }
  }
}
