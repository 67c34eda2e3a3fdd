package idrill.interop;

import static idrill.interop.Fixtures.byId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import idrill.bank.Question;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The twelve import cases of issue 9, each on a fixture under interop/cases. */
class ImportCasesTest {
  static ImportResult read(String name) {
    return Fixtures.readText(name, Fixtures.text("cases/" + name));
  }

  static List<String> questions(ImportResult r) {
    return r.questions().stream().map(Question::question).toList();
  }

  @Test
  void case1SubHeadingsInsideAnAnswerStayInIt() {
    ImportResult r = read("01-subheadings.md");
    assertEquals(List.of("Why do you standardise features?", "What is a confidence interval?"), questions(r));
    Question first = r.questions().get(0);
    assertTrue(first.answer().contains("#### Min-max scaling") && first.answer().contains("#### Z-scores"), first.answer());
    assertEquals(List.of("01-subheadings"), first.tags());
  }

  @Test
  void case1BoldLabelsInsideAnAnswerStayInIt() {
    ImportResult r = read("01-bold-label.md");
    assertEquals(List.of("What is a TreeMap?", "What is an ArrayDeque?"), questions(r));
    assertTrue(r.questions().get(0).answer().contains("**Features**\n\n* log-time lookups"), r.questions().get(0).answer());
  }

  @Test
  void case1HeadingsThatOpenListItemsAreQuestionsWithTheirIndentedAnswers() {
    ImportResult r = read("01-list-headings.md");
    assertEquals(List.of("What is a goroutine?", "What is a channel?"), questions(r));
    assertEquals("A function running concurrently with others, scheduled by the Go runtime.", r.questions().get(0).answer());
    assertEquals("A typed pipe between goroutines:\n\n```go\nch := make(chan int)\n```", r.questions().get(1).answer());
  }

  @Test
  void case1AListItemAnswerWrittenLessIndentedKeepsItsSubHeadingsAndTagsNothing() {
    ImportResult r = read("01-list-underindented.md");
    assertEquals(List.of("What is ownership?", "What is a lifetime?"), questions(r));
    assertTrue(r.questions().get(0).answer().contains("## Key points\n\n- moves transfer ownership"), r.questions().get(0).answer());
    assertEquals(List.of("01-list-underindented"), r.questions().get(1).tags());
  }

  @Test
  void case2AnAnswerDetailsBlockAnswersTheHeadingAndCodeAbove() {
    ImportResult r = read("02-details-answer.md");
    assertEquals(2, r.questions().size(), r.reports().toString());
    Question q = r.questions().get(0);
    assertEquals("What does this print?\n\n```py\nprint(0.1 + 0.2 == 0.3)\n```\n\n- A: `True`\n- B: `False`", q.question());
    assertEquals("#### Answer: B\n\nBinary floating point cannot hold 0.1 exactly.", q.answer());
    assertEquals("#### Answer: B\n\nAn empty list is falsy.", r.questions().get(1).answer());
  }

  @Test
  void case3OptionsAndCodeBelongToTheQuestionTheTickedOptionToTheAnswer() {
    ImportResult r = read("03-choices.md");
    assertEquals(3, r.questions().size(), r.reports().toString());
    Question pwd = r.questions().get(0);
    assertEquals("Which command prints the working directory?\n\n- cd\n- pwd\n- ls", pwd.question());
    assertTrue(pwd.answer().startsWith("- pwd\n"), pwd.answer());
    assertTrue(pwd.answer().endsWith("**Reasoning:** pwd stands for print working directory."), pwd.answer());
    Question echo = r.questions().get(1);
    assertEquals("What does the following print?\n\n```sh\necho $((2 + 3))\n```", echo.question());
    assertEquals("It prints 5: `$(( ))` is arithmetic expansion.", echo.answer());
    assertEquals("- ls -a", r.questions().get(2).answer());
  }

  @Test
  void case4OnlyIdenticalQuestionsAreDuplicatesAndIdsKeepTheOthersApart() {
    ImportResult r = read("04-near-duplicates.md");
    List<String> ids = r.questions().stream().map(Question::id).toList();
    assertEquals(5, ids.size(), ids.toString());
    assertEquals(List.of("what-is-c", "what-is-c-plus-plus", "what-is-c-sharp"), ids.subList(0, 3));
    assertEquals("whats-the-output", ids.get(3));
    assertTrue(ids.get(4).matches("whats-the-output-[0-9a-f]{6}"), ids.get(4));
    assertEquals(List.of("04-near-duplicates.md:33: same question as 04-near-duplicates.md:17: What's the output?"),
        r.reports().get(0).skipped());
  }

  @Test
  void case5LinkListsProseAndQuestionListsWithoutAnswersGiveNothingAndSayWhy() {
    ImportReport links = read("05-links.md").reports().get(0);
    assertEquals(0, links.found());
    assertEquals("a list of links, not questions and answers", links.reason());
    ImportReport asked = read("05-no-answers.md").reports().get(0);
    assertEquals(0, asked.found());
    assertEquals("a list of 4 questions without answers", asked.reason());
    ImportReport prose = read("05-prose.md").reports().get(0);
    assertEquals(0, prose.found());
    assertEquals("its headings name topics, none asks a question", prose.reason());
  }

  @Test
  void case5NavigationIsDroppedFromAnswers() {
    for (Question q : read("01-list-headings.md").questions()) assertFalse(q.answer().contains("Back to Top"), q.answer());
  }

  @Test
  void case6TitleCountsAndGenericSectionsAreNoTags() {
    ImportResult r = read("06-tags.md");
    assertEquals(List.of("tcp"), byId(r, "what-is-a-three-way-handshake").tags());
    assertEquals(List.of("dns"), byId(r, "what-is-a-cname-record").tags());
  }

  @Test
  void case7NumberingIsNoPartOfTheQuestionSoInsertingOneKeepsEveryId() {
    List<Question> v1 = read("07-v1.md").questions();
    assertEquals(List.of("what-is-an-inode", "what-is-a-hard-link", "what-is-a-zombie-process"), v1.stream().map(Question::id).toList());
    assertEquals("What is an inode?", v1.get(0).question());
    BankMerge.Result m = BankMerge.merge(v1, read("07-v2.md").questions());
    // v1's hard-link answer ends in trailing spaces: they are no update
    assertEquals(3, m.kept());
    assertEquals(0, m.updated());
    assertEquals(1, m.added());
    assertEquals(List.of(), m.onlyInExisting());
  }

  @Test
  void case8AMultiLineSummaryKeepsItsMarkdownAndAnIndentedListItsNesting() {
    ImportResult r = read("08-summary.md");
    assertEquals(2, r.questions().size(), r.reports().toString());
    Question print = r.questions().get(0);
    assertEquals("What does this print?\n\n```py\nprint([1, 2] * 2)\n```\n\n- a list of four\n- an error", print.question());
    assertEquals("- `[1, 2, 1, 2]`\n  - the list repeated\n  - not multiplied element-wise", print.answer());
    assertEquals("- immutable\n    - hashable", r.questions().get(1).answer());
  }

  @Test
  void case9DollarDollarInsideASentenceIsInlineMath() {
    Question q = read("09-math.md").questions().get(0);
    assertEquals("What is the dot product of \\(u\\) and \\(v\\)?", q.question());
    assertEquals("The sum \\(\\sum_i u_i v_i\\), which equals\n\n$$\n\\lVert u \\rVert \\lVert v \\rVert \\cos \\theta\n$$", q.answer());
  }

  @Test
  void case10RelativeLinksResolveAgainstTheBaseUrlOrTheSourceDirectory() {
    String text = Fixtures.text("cases/10-links.md");
    ImportResult web = new Importer().read(List.of(new Importer.Source("10-links.md", text, "https://example.org/repo/blob/main/db/")),
        SourceFormat.AUTO, List.of());
    assertEquals("![a B-tree](https://example.org/repo/blob/main/db/images/btree.png)\n\n"
        + "See [the notes](https://example.org/repo/blob/main/db/notes/btree.md), [the spec](https://example.org/spec) and [above](#diagrams).",
        web.questions().get(0).answer());
    ImportResult local = new Importer().read(List.of(new Importer.Source("10-links.md", text, "/home/me/db")), SourceFormat.AUTO, List.of());
    assertTrue(local.questions().get(0).answer().startsWith("![a B-tree](/home/me/db/images/btree.png)"), local.questions().get(0).answer());
  }

  @Test
  void case12AnOverLongAnswerSkipsThatQuestionOnly() {
    String text = Fixtures.text("cases/12-long.md").replace("LONG_ANSWER", "word ".repeat(25_000));
    ImportResult r = Fixtures.readText("12-long.md", text);
    assertEquals(List.of("What is a page?", "What is a TLB?"), questions(r));
    assertEquals(List.of("12-long.md:7: answer longer than 100000 characters, the most a bank holds: What is a huge page?"),
        r.reports().get(0).skipped());
  }
}
