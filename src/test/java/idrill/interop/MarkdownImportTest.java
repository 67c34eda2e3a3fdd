package idrill.interop;

import static idrill.interop.Fixtures.byId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import idrill.bank.Difficulty;
import idrill.bank.Question;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownImportTest {

  @Test
  void detailsBlocksGiveQuestionsWithSectionTagsAndEmojiDifficulty() {
    ImportResult r = Fixtures.read("details.md");
    ImportReport rep = r.reports().get(0);
    assertEquals("details", rep.layout());
    assertEquals(4, rep.found());
    // the file's one H1 and the generic "Questions" filter nothing: they are no tags
    assertEquals(Map.of("Git", 2, "CI/CD", 2), rep.perSection());
    assertEquals(List.of(
        "what-is-the-difference-between-git-pull-and-git",
        "what-does-git-branch-branch-do",
        "what-is-continuous-integration",
        "why-are-fast-pipelines-important"), r.questions().stream().map(Question::id).toList());

    Question pull = r.questions().get(0);
    assertEquals("What is the difference between `git pull` and `git fetch`?", pull.question());
    assertEquals(Difficulty.EASY, pull.difficulty());
    assertEquals(List.of("git"), pull.tags());
    assertEquals("`git pull` is `git fetch` followed by `git merge`.\n\n"
        + "`git fetch` only downloads the remote changes; your branch stays where it is.", pull.answer());
    assertEquals("details.md", pull.position().file());
    assertEquals(13, pull.position().line());
  }

  @Test
  void detailsAnswersKeepTheirMarkdownAndLoseTheHtmlWrapping() {
    ImportResult r = Fixtures.read("details.md");
    Question branch = byId(r, "what-does-git-branch-branch-do");
    // <BRANCH> is no tag to the author: it stays in the code span
    assertEquals("What does `git branch <BRANCH>` do?", branch.question());
    assertEquals(Difficulty.MEDIUM, branch.difficulty());
    assertEquals("It creates a branch called BRANCH that points at the current commit.\n\n\n"
        + "It does not switch to it: use `git switch -c <BRANCH>` for both.", branch.answer());

    Question ci = byId(r, "what-is-continuous-integration");
    assertNull(ci.difficulty());
    assertEquals(List.of("ci-cd"), ci.tags());
    assertEquals("A practice where every change is merged often and each merge is built and tested:\n\n"
        + "```\nmake test\n```\n\n- fast feedback\n- small changes", ci.answer());

    Question fast = byId(r, "why-are-fast-pipelines-important");
    assertEquals("Why are **fast** pipelines important?", fast.question());
    assertEquals(Difficulty.HARD, fast.difficulty());
    assertEquals("Slow pipelines batch changes up, and a failure then hides among many commits.", fast.answer());
  }

  @Test
  void detailsWithoutAnswerOrSummaryAreSkippedWithFileAndLine() {
    assertEquals(List.of(
        "details.md:29: no answer: How do you squash the last two commits?",
        "details.md:56: <details> without a <summary>"), Fixtures.read("details.md").reports().get(0).skipped());
  }

  @Test
  void boldLinesAreQuestionsUntilTheNextBoldLineOrHeading() {
    ImportResult r = Fixtures.read("bold.md");
    ImportReport rep = r.reports().get(0);
    assertEquals("bold", rep.layout());
    assertEquals(4, rep.found());
    assertEquals(List.of("bold.md:29: no answer: What is the normal equation?"), rep.skipped());

    Question lr = byId(r, "what-is-linear-regression-when-do-we-use-it");
    assertEquals("What is linear regression? When do we use it?", lr.question());
    assertEquals(Difficulty.EASY, lr.difficulty());
    assertEquals(List.of("linear-regression"), lr.tags());
    // the <br/> separator after the answer is not part of it
    assertEquals("Linear regression assumes a linear relationship between the inputs and the output.\n\n"
        + "```python\nfrom sklearn.linear_model import LinearRegression\nmodel = LinearRegression().fit(X, y)\n```", lr.answer());

    Question metrics = byId(r, "which-metrics-for-evaluating-regression-models");
    assertEquals(Difficulty.MEDIUM, metrics.difficulty());
    // a "**Note:**" line labels part of the answer; it starts no question
    assertEquals("| Metric | What it measures |\n|--------|------------------|\n"
        + "| MSE | mean of squared errors |\n| MAE | mean of absolute errors |\n\n"
        + "**Note:** RMSE is in the units of the target.", metrics.answer());
  }

  @Test
  void boldQuestionMayHaveItsAnswerOnTheNextLines() {
    ImportResult r = Fixtures.read("bold.md");
    Question over = byId(r, "what-is-overfitting");
    assertEquals(List.of("validation"), over.tags());
    assertEquals("The model fits the noise of the training set\nand fails to generalize.", over.answer());
    Question validate = byId(r, "how-do-you-validate-a-model");
    assertEquals(Difficulty.MEDIUM, validate.difficulty()); // ⭐ without the variation selector
    assertEquals("1. Hold out a test set.\n2. Cross-validate on the rest.", validate.answer());
  }

  @Test
  void leafHeadingsAreQuestionsAndTheHeadingsAboveThemSections() {
    ImportResult r = Fixtures.read("headings.md");
    ImportReport rep = r.reports().get(0);
    assertEquals("heading", rep.layout());
    assertEquals(Map.of("Basics", 2, "Networking", 2), rep.perSection());
    assertEquals(List.of("headings.md:28: no answer: What is a CNI plugin?"), rep.skipped());
    assertEquals(List.of("what-is-a-pod", "what-is-a-service", "what-is-an-ingress", "how-do-pods-find-services"),
        r.questions().stream().map(Question::id).toList());

    Question ingress = byId(r, "what-is-an-ingress");
    assertEquals("What is an Ingress?", ingress.question());
    assertEquals(Difficulty.HARD, ingress.difficulty());
    assertEquals(List.of("networking"), ingress.tags());
    assertEquals("An API object that routes HTTP from outside the cluster to Services.\n\n"
        + "```yaml\napiVersion: networking.k8s.io/v1\nkind: Ingress\n```", ingress.answer());
    assertEquals("A stable address for a set of Pods:\n\n- ClusterIP\n- NodePort\n- LoadBalancer",
        byId(r, "what-is-a-service").answer());
  }

  @Test
  void questionAdmonitionsWithTabsAreReadByTheirIndentedLines() {
    ImportResult r = Fixtures.read("admonition.md");
    ImportReport rep = r.reports().get(0);
    assertEquals("admonition", rep.layout());
    assertEquals(3, rep.found());
    assertEquals(List.of("admonition.md:38: no answer: What is gradient checkpointing?"), rep.skipped());
    assertEquals(List.of("what-is-the-difference-between-l1-and-l2", "what-is-temperature-in-a-softmax", "what-is-dropout"),
        r.questions().stream().map(Question::id).toList());

    Question l1 = r.questions().get(0);
    assertEquals("What is the difference between L1 and L2 regularization?", l1.question());
    // no section heading in the file: tagged after the file
    assertEquals(List.of("admonition"), l1.tags());
    assertEquals("Both add a penalty on the weights to the loss:\n\n"
        + "| Technique | Penalty | Effect |\n|-----------|---------|--------|\n"
        + "| L1 | $\\sum_i \\lvert w_i \\rvert$ | sparse weights |\n| L2 | $\\sum_i w_i^2$ | small weights |\n\n"
        + "L1 can act as feature selection.", l1.answer());

    Question temp = r.questions().get(1);
    assertEquals("What is *temperature* in a softmax?", temp.question());
    assertEquals("A scalar $\\tau$ that divides the logits before the softmax:\n\n"
        + "$$P(i) = \\frac{e^{z_i / \\tau}}{\\sum_j e^{z_j / \\tau}}$$\n\n"
        + "- high $\\tau$: flatter distribution\n- low $\\tau$: sharper distribution", temp.answer());

    Question dropout = r.questions().get(2);
    assertEquals("What is dropout?", dropout.question());
    assertEquals("Randomly zeroing activations during training, which regularizes the network.", dropout.answer());
  }

  @Test
  void extraTagsFollowSectionTagsAndDuplicatesAcrossSourcesAreSkipped() {
    ImportResult r = Fixtures.read(SourceFormat.MARKDOWN, List.of("Interview Prep", "git"), "details.md", "details.md");
    assertEquals(List.of("git", "interview-prep"), r.questions().get(0).tags());
    assertEquals(4, r.questions().size());
    ImportReport second = r.reports().get(1);
    assertEquals(0, second.found());
    assertEquals("details.md:13: same question as details.md:13: What is the difference between git pull and git fetch?",
        second.skipped().get(0));
    assertEquals(6, second.skipped().size());
  }

  @Test
  void aFileWithoutQuestionsSaysSo() {
    ImportResult r = Fixtures.readText("notes.md", "# Notes\n\nJust prose, no questions.\n");
    assertEquals("none", r.reports().get(0).layout());
    assertEquals(0, r.reports().get(0).found());
    assertEquals(List.of(), r.questions());
  }

  @Test
  void windowsLineEndingsGiveTheSameResult() {
    String crlf = Fixtures.text("bold.md").replace("\n", "\r\n");
    assertEquals(Fixtures.read("bold.md").questions().stream().map(Question::answer).toList(),
        Fixtures.readText("bold.md", crlf).questions().stream().map(Question::answer).toList());
  }
}
