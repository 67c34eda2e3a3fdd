package idrill.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankLoaderTest {
  private static final Path DIR = fixtures();

  private static Path fixtures() {
    try {
      return Path.of(BankLoaderTest.class.getResource("/bank/good.yaml").toURI()).getParent();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static LoadResult load(String... specs) {
    return new BankLoader().load(List.of(specs), DIR);
  }

  private static List<String> lines(LoadResult r) {
    return r.problems().stream().map(BankProblem::toString).toList();
  }

  /** Exactly one problem, an error at {@code where}, whose message contains {@code text}. */
  private static void assertOnlyError(LoadResult r, String where, String text) {
    assertEquals(1, r.problems().size(), () -> "problems: " + lines(r));
    BankProblem p = r.problems().get(0);
    assertTrue(p.isError(), p::toString);
    assertEquals(where, p.position().toString(), p::toString);
    assertTrue(p.message().contains(text), p::toString);
    assertTrue(r.hasErrors());
  }

  @Test
  void goodBankLoadsEveryField() {
    LoadResult r = load("good.yaml");
    assertEquals(List.of(), r.problems());
    assertEquals(List.of("entropy", "k-means", "adam"), r.bank().ids());
    Question q = r.bank().byId("entropy").orElseThrow();
    assertEquals("What is entropy?", q.question());
    assertEquals("The expected information content of a random variable:\n$H(X) = -\\sum p(x) \\log p(x)$.", q.answer());
    assertEquals(List.of("information-theory"), q.tags());
    assertEquals(Difficulty.EASY, q.difficulty());
    assertEquals(List.of(new Ref(null, "https://example.org"),
        new Ref("Wikipedia", "https://en.wikipedia.org/wiki/Entropy_(information_theory)")), q.refs());
    assertEquals(new Position("good.yaml", 3, 5), q.position());
    Question adam = r.bank().byId("adam").orElseThrow();
    assertNull(adam.difficulty());
    assertEquals(List.of("optimization"), adam.tags());
    assertEquals(List.of(), adam.refs());
    assertSame(r.bank(), r.orThrow());
  }

  @Test
  void bundledDefaultBankLoadsWithoutErrors() {
    LoadResult r = load(BankLoader.DEFAULT);
    assertFalse(r.hasErrors(), () -> "problems: " + lines(r));
  }

  @Test
  void syntaxErrorIsPositionedOneLine() {
    LoadResult r = load("syntax.yaml");
    assertOnlyError(r, "syntax.yaml:3:16", "mapping values are not allowed here");
    assertFalse(r.problems().get(0).message().contains("\n"));
    assertEquals(List.of(), r.bank().questions());
  }

  @Test
  void mappingWhereListExpectedIsWrongType() {
    assertOnlyError(load("wrong-type.yaml"), "wrong-type.yaml:5:11", "wrong type: 'tags' must be a list, got a mapping");
  }

  @Test
  void missingFieldPointsAtTheEntry() {
    LoadResult r = load("missing-answer.yaml");
    assertOnlyError(r, "missing-answer.yaml:2:5", "missing required key 'answer'");
    assertEquals(List.of(), r.bank().questions());
  }

  @Test
  void unknownKeySuggestsTheKnownOne() {
    LoadResult r = load("unknown-key.yaml");
    assertEquals(List.of(
        "unknown-key.yaml:2:5: error: missing required key 'answer'",
        "unknown-key.yaml:4:5: error: unknown key 'anwser' (did you mean 'answer'?)"), lines(r));
  }

  @Test
  void unknownTopLevelKeyIsAnErrorButEntriesStillLoad() {
    LoadResult r = load("top-level.yaml");
    assertOnlyError(r, "top-level.yaml:6:1", "unknown key 'version'");
    assertEquals(List.of("a"), r.bank().ids());
  }

  @Test
  void badIdIsRejected() {
    assertOnlyError(load("bad-id.yaml"), "bad-id.yaml:2:9", "invalid id 'Bad_ID'");
  }

  @Test
  void badTagIsRejected() {
    assertOnlyError(load("bad-tag.yaml"), "bad-tag.yaml:5:16", "invalid tag 'Bad Tag'");
  }

  @Test
  void duplicateKeyIsCaughtAndOtherEntriesSurvive() {
    LoadResult r = load("duplicate-key.yaml");
    assertOnlyError(r, "duplicate-key.yaml:5:5", "duplicate key 'question'");
    assertEquals(List.of("b"), r.bank().ids());
  }

  @Test
  void duplicateIdWithinAFile() {
    LoadResult r = load("duplicate-id.yaml");
    assertOnlyError(r, "duplicate-id.yaml:6:9", "duplicate id 'same', first defined at duplicate-id.yaml:2");
    assertEquals("First?", r.bank().byId("same").orElseThrow().question());
  }

  @Test
  void duplicateIdAcrossFilesOfADirectory() {
    LoadResult r = load("across");
    assertOnlyError(r, "across/two.yml:6:9", "duplicate id 'shared', first defined at across/one.yaml:2");
    // sorted by file name, README.txt ignored
    assertEquals(List.of("shared", "only-here"), r.bank().ids());
  }

  @Test
  void duplicateIdAcrossTwoFileSpecs() {
    LoadResult r = load("duplicate-id.yaml", "across/one.yaml", "across/two.yml");
    assertEquals(List.of(
        "across/two.yml:6:9: error: duplicate id 'shared', first defined at across/one.yaml:2",
        "duplicate-id.yaml:6:9: error: duplicate id 'same', first defined at duplicate-id.yaml:2"), lines(r));
  }

  @Test
  void sameFileTwiceIsLoadedOnce() {
    assertEquals(List.of(), load("good.yaml", "./good.yaml").problems());
  }

  @Test
  void blankQuestionIsRejected() {
    assertOnlyError(load("empty-question.yaml"), "empty-question.yaml:3:15", "'question' must not be empty");
  }

  @Test
  void pythonTagIsRefused() {
    assertOnlyError(load("python-tag.yaml"), "python-tag.yaml:3:15", "tag not allowed: !!python/object/apply:os.system");
  }

  @Test
  void localTagIsRefused() {
    assertOnlyError(load("local-tag.yaml"), "local-tag.yaml:4:13", "tag not allowed: !foo");
  }

  @Test
  void standardTagIsAccepted() {
    LoadResult r = new BankLoader().loadText("t.yaml", "questions:\n- {id: a, question: !!str 12, answer: A, tags: [x]}\n");
    assertEquals(List.of(), r.problems());
    assertEquals("12", r.bank().questions().get(0).question());
  }

  @Test
  void billionLaughsIsRefusedAtTheFirstAliasQuickly() {
    LoadResult r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> load("billion-laughs.yaml"));
    assertOnlyError(r, "billion-laughs.yaml:2:8", "aliases are not allowed");
  }

  @Test
  void deepNestingIsRefused() {
    String yaml = "questions: " + "[".repeat(1000) + "]".repeat(1000) + "\n";
    LoadResult r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> new BankLoader().loadText("deep.yaml", yaml));
    assertOnlyError(r, "deep.yaml:1:31", "limit exceeded: nesting deeper than 20 levels");
  }

  @Test
  void twentyLevelsAreStillAllowed() {
    String yaml = "questions: " + "[".repeat(19) + "]".repeat(19) + "\n";
    LoadResult r = new BankLoader().loadText("deep.yaml", yaml);
    assertOnlyError(r, "deep.yaml:1:13", "wrong type: a question entry must be a mapping, got a list");
  }

  @Test
  void hugeFileIsRefusedBySizeWithoutReadingIt(@TempDir Path tmp) throws Exception {
    Path big = tmp.resolve("big.yaml");
    byte[] chunk = new byte[1 << 20];
    Arrays.fill(chunk, (byte) 'x');
    try (OutputStream out = Files.newOutputStream(big)) {
      out.write("questions:\n  - id: big\n    question: ".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 50; i++) out.write(chunk);
    }
    LoadResult r = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> new BankLoader().load(List.of("big.yaml"), tmp));
    assertOnlyError(r, "big.yaml:1:1", "limit exceeded: file is larger than 4 MiB");
  }

  @Test
  void hugeTextIsRefused() {
    String yaml = "questions:\n  - id: big\n    question: " + "x".repeat(YamlTree.MAX_BYTES);
    assertOnlyError(new BankLoader().loadText("stdin", yaml), "stdin:1:1", "limit exceeded: file is larger than 4 MiB");
  }

  @Test
  void longFieldIsRefused() {
    String yaml = "questions:\n  - id: a\n    question: Q?\n    answer: " + "x".repeat(YamlTree.MAX_TEXT + 1) + "\n    tags: [x]\n";
    assertOnlyError(new BankLoader().loadText("t.yaml", yaml), "t.yaml:4:13", "limit exceeded: 'answer' is longer than 100000 characters");
  }

  @Test
  void tooManyQuestionsAreRefused() {
    StringBuilder sb = new StringBuilder("questions:\n");
    for (int i = 0; i <= BankLoader.MAX_QUESTIONS; i++) {
      sb.append("- {id: q").append(i).append(", question: Q").append(i).append(", answer: A, tags: [x]}\n");
    }
    LoadResult r = new BankLoader().loadText("many.yaml", sb.toString());
    assertOnlyError(r, "many.yaml:2:1", "limit exceeded: 10001 questions, at most 10000 per file");
  }

  @Test
  void multipleDocumentsAreRefused() {
    assertOnlyError(load("multi-doc.yaml"), "multi-doc.yaml:2:1", "more than one document");
  }

  @Test
  void scalarsStaySourceText() {
    LoadResult r = load("scalars.yaml");
    assertEquals(List.of(), r.problems());
    Question q = r.bank().questions().get(0);
    assertEquals("1e3", q.question());
    assertEquals("yes", q.answer());
    assertEquals(List.of("no", "on", "off", "42"), q.tags());
    assertNull(q.difficulty());
  }

  @Test
  void badRefsAndDifficultyAreAllReported() {
    assertEquals(List.of(
        "refs.yaml:6:17: error: invalid difficulty 'extreme': use easy, medium or hard",
        "refs.yaml:8:9: error: invalid URL 'ftp://example.org': use an http:// or https:// address",
        "refs.yaml:9:9: error: missing required key 'url'",
        "refs.yaml:10:9: error: wrong type: a ref must be a URL or a {title, url} mapping, got a list"),
        lines(load("refs.yaml")));
  }

  @Test
  void entryThatIsNotAMappingIsWrongType() {
    assertOnlyError(new BankLoader().loadText("t.yaml", "questions: [just text]\n"),
        "t.yaml:1:13", "wrong type: a question entry must be a mapping, got text");
  }

  @Test
  void topLevelListIsWrongType() {
    assertOnlyError(new BankLoader().loadText("t.yaml", "- id: a\n"), "t.yaml:1:1", "the top level must be a mapping, got a list");
  }

  @Test
  void controlCharacterIsPositioned() {
    assertOnlyError(new BankLoader().loadText("t.yaml", "questions:\n  - id: a\u0001\n"), "t.yaml:2:10", "special characters are not allowed");
  }

  @Test
  void invalidUtf8IsPositioned(@TempDir Path tmp) throws Exception {
    Files.write(tmp.resolve("bad.yaml"), new byte[] {'q', ':', '\n', ' ', ' ', 'x', (byte) 0xff});
    assertOnlyError(new BankLoader().load(List.of("bad.yaml"), tmp), "bad.yaml:2:4", "not valid UTF-8");
  }

  @Test
  void emptyFileIsOnlyAWarning() {
    LoadResult r = new BankLoader().loadText("empty.yaml", "# nothing yet\n");
    assertEquals(List.of("empty.yaml:1:1: warning: no questions: the file is empty"), lines(r));
    assertFalse(r.hasErrors());
  }

  @Test
  void allFilesAreReadInOnePass() {
    LoadResult r = load("good.yaml", "syntax.yaml", "bad-id.yaml", "billion-laughs.yaml");
    assertEquals(List.of("bad-id.yaml:2:9", "billion-laughs.yaml:2:8", "syntax.yaml:3:16"),
        r.problems().stream().map(p -> p.position().toString()).toList());
    assertEquals(List.of("entropy", "k-means", "adam"), r.bank().ids());
  }

  @Test
  void orThrowCarriesErrorsOnly() {
    LoadResult r = load("near-dup.yaml", "bad-id.yaml");
    BadDataException e = assertThrows(BadDataException.class, r::orThrow);
    assertEquals(List.of("bad-id.yaml:2:9"), e.problems().stream().map(p -> p.position().toString()).toList());
  }

  @Test
  void missingPathThrows() {
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> load("good.yaml", "nope.yaml"));
    assertEquals("nope.yaml: No such file or directory", e.getMessage());
  }

  @Test
  void nearDuplicateIsAWarningAtTheLaterQuestion() {
    LoadResult r = load("near-dup.yaml");
    assertEquals(List.of("near-dup.yaml:7:15: warning: question is very similar to entropy (near-dup.yaml:3)"), lines(r));
    assertFalse(r.hasErrors());
    assertEquals(4, r.orThrow().questions().size());
  }

  @Test
  void nearDuplicateInTheOtherOrder() {
    String yaml = "questions:\n"
        + "- {id: b, question: \"What is entropy in information theory?\", answer: A, tags: [x]}\n"
        + "- {id: a, question: \"What is Entropy (information theory)?\", answer: A, tags: [x]}\n"
        + "- {id: d, question: \"What is the difference between supervised and unsupervised learning?\", answer: A, tags: [x]}\n"
        + "- {id: c, question: \"What is the difference between L1 and L2 regularization in machine learning?\", answer: A, tags: [x]}\n";
    assertEquals(List.of("t.yaml:3:21: warning: question is very similar to b (t.yaml:2)"),
        lines(new BankLoader().loadText("t.yaml", yaml)));
  }

  @Test
  void nearDuplicateCheckIsSkippedForHugeBanks() {
    StringBuilder sb = new StringBuilder("questions:\n");
    for (int i = 0; i <= NearDuplicates.MAX_QUESTIONS; i++) {
      sb.append("- {id: q").append(i).append(", question: \"What is entropy?\", answer: A, tags: [x]}\n");
    }
    assertEquals(List.of(), new BankLoader().loadText("many.yaml", sb.toString()).problems());
    String two = "questions:\n- {id: a, question: \"What is entropy?\", answer: A, tags: [x]}\n"
        + "- {id: b, question: \"What is entropy?\", answer: A, tags: [x]}\n";
    assertEquals(1, new BankLoader().loadText("two.yaml", two).problems().size());
  }
}
