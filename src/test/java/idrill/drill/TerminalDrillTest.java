package idrill.drill;

import static idrill.drill.Fixtures.ADAM;
import static idrill.drill.Fixtures.BIAS;
import static idrill.drill.Fixtures.DROPOUT;
import static idrill.drill.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import idrill.bank.Question;
import idrill.drill.Fixtures.FailingSink;
import idrill.drill.Fixtures.MutableClock;
import idrill.drill.Fixtures.RecordingSink;
import idrill.render.Style;
import idrill.review.Aside;
import idrill.review.AsideEvent;
import idrill.review.FsrsParams;
import idrill.review.Grade;
import idrill.review.Intervals;
import idrill.review.Review;
import idrill.review.Schedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal.Signal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TerminalDrillTest {
  static final String QUESTION_FOOTER = "space reveal · n next · u undo · q quit · ? help · : command";
  static final String ANSWER_FOOTER = "1 again 1m · 2 hard 6m · 3 good 10m · 4 easy 8d · n next · q quit · ? help";
  static final Pattern SGR = Pattern.compile("\u001b\\[[0-9;]*m");

  TermHarness h;
  final RecordingSink sink = new RecordingSink();

  @AfterEach
  void close() throws Exception {
    if (h != null) h.close();
  }

  Outcome drill(String keys, Question... qs) throws Exception {
    return drill(keys, new Style(false), Fixtures.fixed(), qs);
  }

  Outcome drill(String keys, Style style, Clock clock, Question... qs) throws Exception {
    start(80, 24, style, clock, sink, qs);
    return h.finish(keys);
  }

  void start(int cols, int rows, Style style, Clock clock, GradeSink s, Question... qs) throws Exception {
    h = new TermHarness(cols, rows);
    DrillSession session = new DrillSession(List.of(qs), clock.instant());
    h.start(t -> new TerminalDrill(t, session, s, style, clock, "idrill"));
  }

  static boolean anyFrameContains(Screen s, String text) {
    return s.frames.stream().anyMatch(f -> String.join("\n", f).contains(text));
  }

  static String text(List<String> frame) {
    return String.join("\n", frame);
  }

  @Test
  void firstScreenShowsHeaderQuestionAndFooter() throws Exception {
    Outcome o = drill("q", ADAM, BIAS, DROPOUT);
    List<String> first = h.screen().frames.get(0);
    System.out.println("---- first screen (80x24) ----\n" + text(first) + "\n---- end ----");
    assertEquals("idrill · 3 new · 0 learning · 0 review · deep-learning, optimization · 0:00", first.get(0));
    assertEquals("", first.get(1));
    assertEquals("What does Adam add to plain SGD?", first.get(2));
    assertEquals(QUESTION_FOOTER, first.get(23));
    assertFalse(text(first).contains("Momentum"), "the answer waits for reveal");
    assertFalse(o.interrupted());
    assertNull(o.failure());
    assertEquals(List.of(), sink.saved());
  }

  @Test
  void spaceRevealsAndThreeGradesGoodThenTheNextQuestionShows() throws Exception {
    Outcome o = drill(" 3q", ADAM, BIAS, DROPOUT);
    Screen s = h.screen();
    List<String> revealed = s.frames.get(1);
    System.out.println("---- after reveal ----\n" + text(revealed) + "\n---- end ----");
    assertTrue(text(revealed).contains("Momentum, and a step size per parameter"), text(revealed));
    assertTrue(text(revealed).contains("─".repeat(20)), "a rule separates question and answer");
    assertEquals(ANSWER_FOOTER, revealed.get(23));
    List<String> next = s.frames.get(2);
    assertEquals("idrill · 2 new · 0 learning · 0 review · statistics · 0:00", next.get(0));
    assertEquals("Explain the bias-variance trade-off.", next.get(2));
    assertTrue(next.get(22).startsWith("saved good for adam"), next.get(22));
    assertEquals(List.of(new Review(T0, "adam", Grade.GOOD, 0)), sink.saved());
    assertEquals(1, o.summary().graded());
    assertEquals(1, o.summary().perGrade().get(Grade.GOOD));
  }

  @Test
  void summaryIsPrintedOnTheNormalScreenAfterLeavingTheAlternateOne() throws Exception {
    drill(" 4q", ADAM, BIAS);
    String out = h.output();
    int leave = out.lastIndexOf("\u001b[?1049l");
    assertTrue(leave > 0, "left the alternate screen");
    assertTrue(out.indexOf("Session summary") > leave, "summary after leaving");
    List<String> normal = h.screen().normalLines();
    assertTrue(normal.contains("Session summary"), String.join("\n", normal));
    assertTrue(normal.stream().anyMatch(l -> l.startsWith("  easy ") && l.endsWith("1")), String.join("\n", normal));
  }

  @Test
  void undoSavesAnUndoAndShowsThatQuestionAgainUnrevealed() throws Exception {
    drill(" 2uq", ADAM, BIAS, DROPOUT);
    assertEquals(List.of(new Review(T0, "adam", Grade.HARD, 0), Review.undo(T0, "adam", T0)), sink.saved());
    List<String> last = h.screen().lastFrame();
    assertEquals("idrill · 3 new · 0 learning · 0 review · deep-learning, optimization · 0:00", last.get(0));
    assertFalse(text(last).contains("Momentum"), text(last));
    assertTrue(last.get(22).startsWith("undid the last grade of adam"), last.get(22));
    assertEquals(QUESTION_FOOTER, last.get(23));
  }

  @Test
  void theSetAsideKeysSuspendBuryAndFlagAndUTakesTheLastBack() throws Exception {
    List<Object> asides = new ArrayList<>();
    h = new TermHarness(80, 24);
    DrillSession session = new DrillSession(List.of(ADAM, BIAS, DROPOUT), T0);
    h.start(t -> new TerminalDrill(t, session, sink, new Style(false), Fixtures.fixed(), "idrill")
        .asides(new AsideSink() {
          @Override public void save(AsideEvent e) {
            asides.add(e);
          }

          @Override public void withdraw(Review undo) {
            asides.add(undo);
          }
        }, id -> false));
    h.finish("@*-uq");
    assertEquals(List.of(new AsideEvent(T0, "adam", Aside.SUSPEND), new AsideEvent(T0, "bias", Aside.FLAG),
        // the bury moves a millisecond on, so the undo names it and not the flag of the same instant
        new AsideEvent(T0.plusMillis(1), "bias", Aside.BURY), Review.undo(T0, "bias", T0.plusMillis(1))), asides);
    Screen s = h.screen();
    assertTrue(s.frames.get(2).get(0).contains(" · flagged"), "the header marks a flagged question: " + s.frames.get(2));
    assertTrue(text(s.frames.get(1)).contains("suspended adam"), text(s.frames.get(1)));
    List<String> last = h.screen().lastFrame();
    assertTrue(last.get(0).contains("flagged") && text(last).contains("Explain the bias-variance"),
        "undoing the bury brings bias back, still flagged: " + text(last));
    assertEquals(List.of(), sink.saved(), "no grade was given");
  }

  @Test
  void undoWithNothingToUndoSaysSo() throws Exception {
    drill("uq", ADAM);
    assertEquals(List.of(), sink.saved());
    assertTrue(h.screen().lastFrame().get(22).startsWith("nothing to undo in this session"));
  }

  @Test
  void nextSkipsWithoutGrading() throws Exception {
    Outcome o = drill("nq", ADAM, BIAS);
    assertEquals(List.of(), sink.saved());
    assertEquals("idrill · 1 new · 0 learning · 0 review · statistics · 0:00", h.screen().lastFrame().get(0));
    assertEquals(1, o.summary().skipped());
  }

  @Test
  void gradeKeysBeforeRevealOnlyExplain() throws Exception {
    drill("3q", ADAM);
    assertEquals(List.of(), sink.saved());
    assertTrue(h.screen().lastFrame().get(22).startsWith("reveal the answer before grading"));
  }

  @Test
  void againComesBackAndTheLastGradeLeadsToTheClosingScreen() throws Exception {
    Outcome o = drill(" 1 3 3x", ADAM, BIAS);
    assertEquals(List.of(
        new Review(T0, "adam", Grade.AGAIN, 0),
        new Review(T0, "bias", Grade.GOOD, 0),
        new Review(T0, "adam", Grade.GOOD, 0)), sink.saved());
    Screen s = h.screen();
    assertTrue(anyFrameContains(s, "idrill · 0 new · 1 learning · 0 review · deep-learning, optimization"));
    List<String> last = s.lastFrame();
    assertEquals("idrill · done", last.get(0));
    assertTrue(text(last).contains("All questions done."), text(last));
    assertEquals(3, o.summary().graded());
    assertFalse(o.interrupted());
  }

  @Test
  void uOnTheClosingScreenTakesTheLastGradeBack() throws Exception {
    drill(" 3uq", ADAM);
    assertEquals(List.of(new Review(T0, "adam", Grade.GOOD, 0), Review.undo(T0, "adam", T0)), sink.saved());
    assertEquals("What does Adam add to plain SGD?", h.screen().lastFrame().get(2));
  }

  @Test
  void ctrlCInterruptsAfterTheGradesAreSaved() throws Exception {
    Outcome o = drill(" 3 \u0003", ADAM, BIAS, DROPOUT);
    assertTrue(o.interrupted());
    assertNull(o.failure());
    assertEquals(List.of(new Review(T0, "adam", Grade.GOOD, 0)), sink.saved());
    assertEquals(1, o.summary().graded());
    List<String> normal = h.screen().normalLines();
    assertTrue(normal.get(0).startsWith("interrupted"), String.join("\n", normal));
  }

  @Test
  void ctrlDQuitsWithoutInterrupt() throws Exception {
    Outcome o = drill("\u0004", ADAM);
    assertFalse(o.interrupted());
    assertTrue(h.output().contains("Session summary"));
  }

  @Test
  void endOfInputQuits() throws Exception {
    start(80, 24, new Style(false), Fixtures.fixed(), sink, ADAM);
    h.type(" ");
    h.awaitOutput(out -> out.contains("Momentum"));
    h.endInput();
    Outcome o = h.await();
    assertFalse(o.interrupted());
    assertEquals(0, o.summary().graded());
    assertTrue(h.output().contains("Session summary"));
  }

  @Test
  void aFailingSinkEndsTheDrillAtOnceWithNoFurtherQuestion() throws Exception {
    FailingSink failing = new FailingSink();
    start(80, 24, new Style(false), Fixtures.fixed(), failing, ADAM, BIAS);
    Outcome o = h.finish(" 3 3 3");
    assertNotNull(o.failure());
    assertEquals("disk full", o.failure().getMessage());
    assertEquals(1, failing.calls);
    assertFalse(h.output().contains("bias-variance"), "no further question shown");
    assertEquals(0, o.summary().graded(), "an unsaved grade does not count");
  }

  @Test
  void theCommandLineRunsTypedCommands() throws Exception {
    drill(":reveal\r:grade easy\r:frobnicate\rq", ADAM, BIAS);
    assertEquals(List.of(new Review(T0, "adam", Grade.EASY, 0)), sink.saved());
    List<String> last = h.screen().lastFrame();
    assertEquals("idrill · 1 new · 0 learning · 0 review · statistics · 0:00", last.get(0));
    assertTrue(last.get(22).startsWith("unknown command: frobnicate"), last.get(22));
  }

  @Test
  void theCommandLineCompletesWithTab() throws Exception {
    drill(":rev\t\r:gr\tha\t\rq", ADAM, BIAS);
    assertEquals(List.of(new Review(T0, "adam", Grade.HARD, 0)), sink.saved());
  }

  @Test
  void ctrlCOnTheCommandLineCancelsTheLineNotTheSession() throws Exception {
    Outcome o = drill(" 1:gra\u0003q", ADAM, BIAS);
    assertFalse(o.interrupted());
    assertEquals(List.of(new Review(T0, "adam", Grade.AGAIN, 0)), sink.saved());
  }

  @Test
  void escOnTheCommandLineCancelsItAndTheDrillGoesOn() throws Exception {
    start(80, 24, new Style(false), Fixtures.fixed(), sink, ADAM, BIAS);
    h.type(":grade easy");
    h.awaitOutput(out -> out.contains(":grade easy"));
    int painted = h.output().split("space reveal", -1).length;
    h.type("\u001b"); // Esc alone: told from an arrow's sequence after a short wait
    h.awaitOutput(out -> out.split("space reveal", -1).length > painted);
    h.finish(" 3q");
    assertEquals(List.of(new Review(T0, "adam", Grade.GOOD, 0)), sink.saved(), "the cancelled line did nothing");
  }

  @Test
  void backspaceOnAnEmptyCommandLineLeavesIt() throws Exception {
    Outcome o = drill(":g\u007f\u007f 2q", ADAM, BIAS);
    assertFalse(o.interrupted());
    assertEquals(List.of(new Review(T0, "adam", Grade.HARD, 0)), sink.saved(),
        "the first Backspace deleted g, the second left the line; space and 2 were keys again");
  }

  @Test
  void aMistypedWordGetsTheNearestAndGradeAloneSaysWhatItNeeds() throws Exception {
    start(80, 24, new Style(false), Fixtures.fixed(), sink, ADAM);
    h.type(":gade good\r");
    h.awaitOutput(out -> out.contains("did you mean"));
    h.type(":grade\r");
    h.awaitOutput(out -> out.contains("grade needs"));
    h.finish("q");
    Screen s = h.screen();
    assertTrue(anyFrameContains(s, "unknown command: gade good — did you mean 'grade good'?"));
    assertTrue(s.lastFrame().get(22).startsWith("grade needs one of again, hard, good, easy"), s.lastFrame().get(22));
    assertEquals(List.of(), sink.saved());
  }

  @Test
  void theCommandLineRemembersItsHistory() throws Exception { // arrows as sent in keypad-transmit mode
    drill(":reveal\r:grade hard\r:\u001bOA\u001bOA\r:\u001bOA\u001bOA\rq", ADAM, BIAS);
    assertEquals(List.of(new Review(T0, "adam", Grade.HARD, 0), new Review(T0, "bias", Grade.HARD, 0)), sink.saved(),
        "up twice recalls reveal, then up twice recalls grade hard");
  }

  @Test
  void theCommandLineQuits() throws Exception {
    Outcome o = drill(":quit\r n", ADAM, BIAS);
    assertFalse(o.interrupted());
    assertEquals(0, o.summary().skipped(), "keys after quit are not read");
  }

  @Test
  void helpShowsTheKeysAndAnyKeyGoesBack() throws Exception {
    drill("?xq", ADAM);
    Screen s = h.screen();
    assertTrue(anyFrameContains(s, "grade again (forgot it) and go on"));
    assertEquals("What does Adam add to plain SGD?", s.lastFrame().get(2));
    assertEquals(List.of(), sink.saved());
  }

  @Test
  void aTallAnswerScrollsAndSpaceAtItsEndOnlyReminds() throws Exception {
    Question tall = Fixtures.tall(40);
    drill(" G q", tall);
    Screen s = h.screen();
    List<String> revealed = s.frames.get(1);
    assertTrue(revealed.get(22).contains("lines 1–20 of"), revealed.get(22));
    List<String> bottom = s.frames.get(2);
    assertTrue(text(bottom).contains("step number 40"), text(bottom));
    assertEquals("A question with a long answer?", bottom.get(2), "the question stays pinned while the answer pages");
    assertTrue(bottom.get(22).contains("of 44"), bottom.get(22));
    List<String> last = s.lastFrame();
    assertTrue(last.get(22).startsWith("grade it: 1 again"), last.get(22));
    assertEquals(List.of(), sink.saved());
  }

  @Test
  void spaceAndArrowsPageAndScrollThroughATallAnswer() throws Exception {
    drill(" \u001b[B\u001b[Bk q", Fixtures.tall(40));
    Screen s = h.screen();
    assertEquals("A question with a long answer?", s.frames.get(1).get(2));
    // scrolled, the question stays on row 2 and a rule on row 3; the rows below move one line per key
    assertEquals(s.frames.get(1).get(5), s.frames.get(2).get(4), "down arrow scrolls one line");
    assertEquals("A question with a long answer?", s.frames.get(2).get(2), "the question stays pinned");
    assertEquals(s.frames.get(1).get(6), s.frames.get(3).get(4));
    assertEquals(s.frames.get(1).get(5), s.frames.get(4).get(4), "k scrolls back");
    assertTrue(s.frames.get(5).get(22).contains("lines 21–"), s.frames.get(5).get(22));
  }

  @Test
  void aResizeRewrapsTheScreen() throws Exception {
    start(80, 24, new Style(false), Fixtures.fixed(), sink, ADAM);
    h.terminal.setSize(new Size(30, 16));
    h.terminal.raise(Signal.WINCH);
    h.awaitOutput(out -> out.split("space reveal", -1).length > 2); // painted again
    h.finish("q");
    List<String> small = Screen.of(h.output(), 30, 16).lastFrame();
    for (String line : small) assertTrue(line.length() <= 29, "'" + line + "' fits 30 columns");
    assertEquals("space reveal · ? help", small.get(15), "whole keys give way to the width");
    assertEquals("idrill · 1 new · deep… · 0:00", small.get(0), "zero kinds and the tags give way, the clock stays");
    assertTrue(text(small).contains("What does Adam add to"), text(small));
  }

  @Test
  void aNarrowScreenKeepsTheKeysThatFitWhole() throws Exception {
    start(60, 20, new Style(false), Fixtures.fixed(), sink, ADAM);
    h.finish(" q");
    Screen s = Screen.of(h.output(), 60, 20);
    assertEquals("space reveal · n next · u undo · q quit · ? help", s.frames.get(0).get(19));
    assertEquals("1 again 1m · 2 hard 6m · 3 good 10m · 4 easy 8d · ? help", s.frames.get(1).get(19));
  }

  @Test
  void helpSaysHowTheSessionBringsQuestionsBack() throws Exception {
    drill("?Gxq", ADAM); // help taller than the screen: G scrolls to its end
    assertTrue(anyFrameContains(h.screen(), "comes back after 3 others"), "without the schedule");
    h.close();
    h = new TermHarness(80, 24);
    DrillSession.Requeue schedule = new DrillSession.Requeue() {
      @Override public Instant graded(Question q, Grade g, Instant now) { return null; }
      @Override public void undone(Question q) {}
    };
    DrillSession session = new DrillSession(List.of(ADAM), T0, schedule);
    h.start(t -> new TerminalDrill(t, session, sink, new Style(false), Fixtures.fixed(), "idrill"));
    h.finish("?Gxq");
    assertTrue(anyFrameContains(h.screen(), "the schedule shows them again in this session"), "with the schedule");
    assertFalse(anyFrameContains(h.screen(), "comes back after 3 others"));
  }

  @Test
  void theHeaderClockTicks() throws Exception {
    MutableClock clock = new MutableClock(T0);
    start(80, 24, new Style(false), clock, sink, ADAM);
    clock.advanceSeconds(65);
    h.awaitOutput(out -> out.contains("1:05"));
    h.finish("q");
    assertEquals("idrill · 1 new · 0 learning · 0 review · deep-learning, optimization · 1:05", h.screen().lastFrame().get(0));
  }

  @Test
  void gradesCarryTheTimeSpentOnTheQuestion() throws Exception {
    MutableClock clock = new MutableClock(T0);
    start(80, 24, new Style(false), clock, sink, ADAM, BIAS);
    clock.advanceSeconds(12);
    h.type(" 4");
    h.awaitOutput(out -> out.contains("saved easy"));
    h.finish("q");
    assertEquals(List.of(new Review(T0.plusSeconds(12), "adam", Grade.EASY, 12_000)), sink.saved());
  }

  @Test
  void styleOffWritesNoSgrCodes() throws Exception {
    drill(" 3u?x nq", new Style(false), Fixtures.fixed(), ADAM, BIAS);
    String out = h.output();
    assertFalse(out.contains("\u001b[1m"), "no bold");
    assertFalse(SGR.matcher(out).find(), "no SGR at all");
  }

  @Test
  void styleOnColoursTheScreen() throws Exception {
    drill(" 3q", new Style(true), Fixtures.fixed(), ADAM, BIAS);
    String out = h.output();
    assertTrue(out.contains("\u001b[1midrill"), "bold title");
    assertTrue(out.contains("\u001b[1mspace"), "bold keys in the footer");
  }

  @Test
  void theTerminalIsRestored() throws Exception {
    drill("q", ADAM);
    String out = h.output();
    assertTrue(out.contains("\u001b[?1049h"), "entered the alternate screen");
    assertTrue(out.contains("\u001b[?1049l"), "left it");
    assertTrue(h.terminal.getAttributes().getLocalFlag(org.jline.terminal.Attributes.LocalFlag.ICANON),
        "cooked mode again");
    assertTrue(h.terminal.getAttributes().getLocalFlag(org.jline.terminal.Attributes.LocalFlag.ISIG));
  }

  @Test
  void aHelpLineTooWideWrapsUnderItsOwnText() {
    assertEquals(List.of("  n              next question,", "                 without grading"),
        DrillScreen.hanging("  n              next question, without grading", 32));
    assertEquals(List.of("  n              next question, without grading"),
        DrillScreen.hanging("  n              next question, without grading", 60), "fits: as it is");
    assertEquals(List.of("A question graded again comes", "back after 3 others."),
        DrillScreen.hanging("A question graded again comes back after 3 others.", 30));
  }

  /** adam: a review due with 4 lapses; bias: learning; dropout: new. */
  static Schedule history() {
    Instant d = T0.minus(Duration.ofDays(60));
    List<Review> log = new ArrayList<>();
    log.add(new Review(d, "adam", Grade.EASY, 1000));
    for (int i = 1; i <= 4; i++) {
      log.add(new Review(d.plus(Duration.ofDays(10 * i)), "adam", Grade.AGAIN, 1000));
      log.add(new Review(d.plus(Duration.ofDays(10 * i)).plusSeconds(600), "adam", Grade.GOOD, 1000));
    }
    log.add(new Review(T0.minusSeconds(3600), "bias", Grade.AGAIN, 1000));
    return Schedule.replay(log, FsrsParams.defaults(), ZoneOffset.UTC, 4);
  }

  @Test
  void theFooterShowsWhatEachGradeWouldScheduleAndTheHeaderWhatIsLeftByKind() throws Exception {
    Schedule schedule = history();
    h = new TermHarness(100, 24);
    DrillSession session = new DrillSession(List.of(ADAM, BIAS, DROPOUT), T0, new ScheduleRequeue(schedule));
    Outlook outlook = new Outlook(schedule, 4);
    h.start(t -> new TerminalDrill(t, session, sink, outlook, new Style(false), Fixtures.fixed(), "idrill"));
    h.finish(" 1 q");
    Screen s = h.screen();
    assertEquals("idrill · 1 new · 1 learning · 1 review · leech · deep-learning, optimization · 0:00",
        s.frames.get(0).get(0));
    Intervals ivl = Intervals.of(schedule.fsrs(), schedule.state("adam"), T0);
    String expected = "1 again " + Intervals.shortDuration(ivl.again()) + " · 2 hard " + Intervals.shortDuration(ivl.hard())
        + " · 3 good " + Intervals.shortDuration(ivl.good()) + " · 4 easy " + Intervals.shortDuration(ivl.easy());
    assertTrue(s.frames.get(1).get(23).startsWith(expected + " · n next"), s.frames.get(1).get(23));
    // the review graded again comes back on a relearning step: one learning more, one review less
    assertEquals("idrill · 1 new · 2 learning · 0 review · statistics · 0:00", s.frames.get(2).get(0));
  }

  @Test
  void aCodeLineAndAUrlWiderThanTheScreenFoldAndKeepEveryCharacter() throws Exception {
    String code = "const result = await fetch(\"https://api.example.com/v2/items?filter=active&limit=100\", opts);";
    String url = "https://developer.mozilla.org/en-US/docs/Web/API/URLSearchParams/URLSearchParams#examples";
    Question q = new Question("wide", "What does this send?\n\n```js\n" + code + "\n```", "A GET.",
        List.of("http"), null, List.of(new idrill.bank.Ref(null, url)), new idrill.bank.Position("t.yaml", 1, 1));
    start(40, 30, new Style(false), Fixtures.fixed(), sink, q);
    h.finish(" q");
    List<String> last = h.screen().frames.get(h.screen().frames.size() - 1);
    for (String row : last) assertFalse(row.endsWith("…"), "nothing is cut: " + row);
    String joined = String.join("", last.stream().map(r -> r.strip().replace("↪ ", "")).toList());
    assertTrue(joined.contains(code.replace(" ", "")) || joined.replace(" ", "").contains(code.replace(" ", "")),
        "the whole code line is on screen:\n" + text(last));
    assertTrue(joined.contains(url), "the whole URL is on screen:\n" + text(last));
  }
}
