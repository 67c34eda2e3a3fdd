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
  @Test
  void twoInstallsSharingTheCacheKeepAnEntryEachAndStillSeeEdits() throws IOException {
    Path f = tmp.resolve("a.yaml");
    Files.writeString(f, bank("alpha", "First."));
    Path dir = tmp.resolve("cache");
    BankCache jdk17 = new BankCache(dir, "/a/idrill.jar@1@1");
    BankCache jdk25 = new BankCache(dir, "/b/idrill.jar@1@1");
    List<Question> qs = new BankLoader().load(List.of("a.yaml"), tmp).bank().questions();
    byte[] bytes = Files.readAllBytes(f);
    jdk17.write(jdk17.key(f, bytes), qs);
    jdk25.write(jdk25.key(f, bytes), qs);
    // before, the second install's write replaced the first's entry, so each of them parsed the bank at every run
    assertEquals(qs, jdk17.read(jdk17.key(f, bytes), "a.yaml"));
    assertEquals(qs, jdk25.read(jdk25.key(f, bytes), "a.yaml"));
    Files.writeString(f, bank("alpha", "Other."));
    assertEquals(null, jdk17.read(jdk17.key(f, Files.readAllBytes(f)), "a.yaml"), "an edit is a miss for each");
    assertEquals(null, jdk25.read(jdk25.key(f, Files.readAllBytes(f)), "a.yaml"));
  }

  @Test
  void entriesOfManyOtherBuildsDoNotPileUp() throws IOException {
    Path f = tmp.resolve("a.yaml");
    Files.writeString(f, bank("alpha", "First."));
    List<Question> qs = new BankLoader().load(List.of("a.yaml"), tmp).bank().questions();
    byte[] bytes = Files.readAllBytes(f);
    for (int i = 0; i < 6; i++) {
      BankCache c = new BankCache(tmp.resolve("cache"), "/jar@" + i);
      c.write(c.key(f, bytes), qs);
    }
    assertEquals(3, cacheFiles().size(), "this build's entry and the two newest others");
  }

  @Test
  void aTenThousandQuestionBankFromTheCacheGivesEachQuestionsFullTextRefsAndKeywords() throws IOException {
    StringBuilder yaml = new StringBuilder("questions:\n");
    for (int i = 0; i < 10_000; i++) {
      yaml.append("  - id: q").append(i).append("\n    question: What is ").append(i).append(" — ünïcode?\n")
          .append("    answer: |\n      Line one of ").append(i).append(".\n      Line two.\n")
          .append("    tags: [t").append(i % 10).append(", s").append(i % 7).append("]\n")
          .append(i % 3 == 0 ? "    difficulty: easy\n" : "")
          .append(i % 2 == 0 ? "    refs:\n      - https://example.org/" + i + "\n      - {title: T" + i + ", url: 'https://x.org'}\n" : "")
          .append(i % 5 == 0 ? "    keywords: [k" + i + ", 'a|b']\n" : "");
    }
    Files.writeString(tmp.resolve("big.yaml"), yaml);
    List<Question> parsed = BankLoader.cached(tmp.resolve("cache")).load(List.of("big.yaml"), tmp).bank().questions();
    List<Question> cached = BankLoader.cached(tmp.resolve("cache")).load(List.of("big.yaml"), tmp).bank().questions();
    assertEquals(10_000, cached.size());
    Question q = cached.get(7_770);
    assertEquals("What is 7770 — ünïcode?", q.question());
    assertEquals("Line one of 7770.\nLine two.", q.answer());
    assertEquals(List.of("t0", "s0"), q.tags());
    assertEquals(Difficulty.EASY, q.difficulty());
    assertEquals(List.of(new Ref(null, "https://example.org/7770"), new Ref("T7770", "https://x.org")), q.refs());
    assertEquals(List.of("k7770", "a|b"), q.keywords());
    assertEquals(parsed, cached);
  }
}
