package idrill.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankCacheTest {
  @TempDir Path tmp;

  static String bank(String id, String answer) {
    return "questions:\n  - id: " + id + "\n    question: What is " + id + "?\n    answer: |\n      " + answer
        + "\n    tags: [t]\n    difficulty: hard\n    refs:\n      - {title: T, url: 'https://example.org'}\n";
  }

  List<Path> cacheFiles() throws IOException {
    if (!Files.exists(tmp.resolve("cache"))) return List.of();
    try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
      return s.toList();
    }
  }

  @Test
  void aCleanBankIsParsedOnceThenReadFromTheCacheWithTheSameQuestions() throws IOException {
    Path f = tmp.resolve("a.yaml");
    Files.writeString(f, bank("alpha", "First."));
    LoadResult first = BankLoader.cached(tmp.resolve("cache")).load(List.of("a.yaml"), tmp);
    assertEquals(1, cacheFiles().size());
    LoadResult second = BankLoader.cached(tmp.resolve("cache")).load(List.of("a.yaml"), tmp);
    assertEquals(first.bank().questions(), second.bank().questions());
    assertEquals("a.yaml", second.bank().questions().get(0).position().file());
    assertEquals(new LoadResult(first.bank(), List.of()).problems(), second.problems());
  }

  @Test
  void anEditedBankIsParsedAgain() throws IOException {
    Path f = tmp.resolve("a.yaml");
    Files.writeString(f, bank("alpha", "First."));
    BankLoader.cached(tmp.resolve("cache")).load(List.of("a.yaml"), tmp);
    Files.writeString(f, bank("alpha", "Second, longer."));
    Files.setLastModifiedTime(f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() + 2000));
    LoadResult r = BankLoader.cached(tmp.resolve("cache")).load(List.of("a.yaml"), tmp);
    assertEquals("Second, longer.", r.bank().questions().get(0).answer());
  }

  @Test
  void aBankWithProblemsIsNeverCachedAndReportsThemEveryTime() throws IOException {
    Files.writeString(tmp.resolve("bad.yaml"), "questions:\n  - id: Bad\n    question: q\n    answer: a\n    tags: [t]\n");
    for (int i = 0; i < 2; i++) {
      LoadResult r = BankLoader.cached(tmp.resolve("cache")).load(List.of("bad.yaml"), tmp);
      assertTrue(r.hasErrors());
    }
    assertEquals(List.of(), cacheFiles());
  }

  @Test
  void aDamagedCacheIsOnlyAMiss() throws IOException {
    Files.writeString(tmp.resolve("a.yaml"), bank("alpha", "First."));
    BankLoader.cached(tmp.resolve("cache")).load(List.of("a.yaml"), tmp);
    Files.write(cacheFiles().get(0), new byte[] {1, 2, 3});
    LoadResult r = BankLoader.cached(tmp.resolve("cache")).load(List.of("a.yaml"), tmp);
    assertEquals("First.", r.bank().questions().get(0).answer());
    assertFalse(r.hasErrors());
  }

  @Test
  void duplicateIdsAcrossCachedFilesAreStillErrors() throws IOException {
    Files.writeString(tmp.resolve("a.yaml"), bank("alpha", "First."));
    Files.writeString(tmp.resolve("b.yaml"), bank("alpha", "Other."));
    BankLoader.cached(tmp.resolve("cache")).load(List.of("a.yaml"), tmp);
    BankLoader.cached(tmp.resolve("cache")).load(List.of("b.yaml"), tmp);
    LoadResult both = BankLoader.cached(tmp.resolve("cache")).load(List.of("a.yaml", "b.yaml"), tmp);
    assertTrue(both.hasErrors());
    assertTrue(both.problems().get(0).toString().startsWith("b.yaml:2:5: error: duplicate id 'alpha', first defined at a.yaml:2"),
        both.problems().toString());
  }

  @Test
  void aBankEditedWithinTheSameSizeAndMtimeIsParsedAgain() throws IOException {
    Path f = tmp.resolve("a.yaml");
    Files.writeString(f, bank("alpha", "First."));
    FileTime mtime = Files.getLastModifiedTime(f);
    BankLoader.cached(tmp.resolve("cache")).load(List.of("a.yaml"), tmp);
    Files.writeString(f, bank("alpha", "Other.")); // same length
    Files.setLastModifiedTime(f, mtime); // as touch -r, cp -p or rsync -t leave it
    LoadResult r = BankLoader.cached(tmp.resolve("cache")).load(List.of("a.yaml"), tmp);
    assertEquals("Other.", r.bank().questions().get(0).answer());
    assertEquals(1, cacheFiles().size(), "the edited bank's entry replaces the old one");
  }

  @Test
  void everySingleFlippedByteOfAnEntryIsAMissNeverAWrongAnswerOrId() throws IOException {
    Files.writeString(tmp.resolve("a.yaml"), bank("alpha", "First."));
    List<Question> truth = BankLoader.cached(tmp.resolve("cache")).load(List.of("a.yaml"), tmp).bank().questions();
    Path entry = cacheFiles().get(0);
    byte[] good = Files.readAllBytes(entry);
    for (int i = 0; i < good.length; i++) {
      for (int bit : new int[] {0x01, 0x80}) {
        byte[] bad = good.clone();
        bad[i] ^= (byte) bit;
        Files.write(entry, bad);
        LoadResult r = BankLoader.cached(tmp.resolve("cache")).load(List.of("a.yaml"), tmp);
        assertEquals(truth, r.bank().questions(), "byte " + i + " bit " + bit);
      }
    }
  }

  @Test
  void anAbsurdCountIsAMissEvenWithAMatchingChecksum() throws IOException {
    Files.writeString(tmp.resolve("a.yaml"), bank("alpha", "First."));
    BankLoader.cached(tmp.resolve("cache")).load(List.of("a.yaml"), tmp);
    Path entry = cacheFiles().get(0);
    byte[] good = Files.readAllBytes(entry);
    int keyLength = ByteBuffer.wrap(good, 8, 4).getInt();
    int questionCount = 12 + keyLength;
    int idLength = questionCount + 4;
    for (int at : new int[] {questionCount, idLength}) {
      for (int value : new int[] {Integer.MAX_VALUE, -1, 1 << 28}) {
        byte[] bad = good.clone();
        ByteBuffer.wrap(bad).putInt(at, value);
        CRC32C crc = new CRC32C(); // a checksum that matches: the counts alone must be bounded
        crc.update(bad, 0, bad.length - 4);
        ByteBuffer.wrap(bad).putInt(bad.length - 4, (int) crc.getValue());
        Files.write(entry, bad);
        LoadResult r = BankLoader.cached(tmp.resolve("cache")).load(List.of("a.yaml"), tmp);
        assertEquals("First.", r.bank().questions().get(0).answer(), "offset " + at + " value " + value);
      }
    }
  }
}
