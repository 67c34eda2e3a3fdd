package idrill.drill;

import idrill.bank.Question;
import idrill.render.Style;
import idrill.render.Text;
import idrill.render.Sanitizer;
import idrill.review.Answer;
import idrill.review.Grade;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed answers in the drill ({@code drill --type}): the draft of the question on screen, which is saved through the
 * sink before its reveal shows, then shown above the model answer with the key-term coverage below it.
 */
public final class Typing {
  private final AnswerSink sink;
  private final AnswerEditor editor = new AnswerEditor();
  private Question draftFor;
  private boolean editing;
  private String submitted = "";

  public Typing(AnswerSink sink) {
    this.sink = sink;
  }

  /** Call whenever a question may have been shown anew: a new question starts with an empty, open typing area. */
  void follow(Question q) {
    if (q == draftFor) return;
    draftFor = q;
    editor.clear();
    submitted = "";
    editing = q != null;
  }

  AnswerEditor editor() {
    return editor;
  }

  boolean editing() {
    return editing;
  }

  void editing(boolean on) {
    editing = on;
  }

  /** Esc: the text is dropped and the typing area closed; the drill's keys apply again. */
  void abandon() {
    editor.clear();
    editing = false;
  }

  /** The draft of q, appended and fsynced before its answer shows; nothing when blank. */
  void revealed(Question q, Duration elapsed, Instant now) throws IOException {
    editing = false;
    submitted = editor.text();
    if (submitted.isBlank()) return;
    sink.save(new Answer(now, q.id(), elapsed.toMillis(), submitted));
  }

  /** The answer being typed, under a hint of the keys. */
  List<String> draftLines(int width, Style style) {
    List<String> lines = new ArrayList<>();
    lines.add("");
    if (editing) {
      lines.add(style.dim("Type your answer · Enter new line · Ctrl-D submits · Esc abandons (then ? help)"));
      lines.addAll(AnswerEditor.lines(editor.text(), width, true, style));
    } else {
      lines.add(style.dim("a types an answer · space reveals"));
    }
    return lines;
  }

  /** Above the model answer: what was typed. */
  List<String> typedLines(int width, Style style) {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add(style.heading("Your answer"));
    lines.addAll(submittedLines(width, style));
    return lines;
  }

  /** The submitted text under its gutter, or a word that nothing was typed. */
  List<String> submittedLines(int width, Style style) {
    if (submitted.isBlank()) return List.of(style.dim("(nothing typed)"));
    return AnswerEditor.lines(submitted, width, false, style);
  }

  /** Below the model answer: the key terms covered and missed, and the grade they suggest. */
  List<String> coverageLines(Question q, int width, Style style) {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.addAll(coverageLines(Coverage.of(q, submitted), width, style));
    return lines;
  }

  /** The coverage line, wrapped, and the grade it suggests; the same in the drill and the mock interview. */
  public static List<String> coverageLines(Coverage c, int width, Style style) {
    List<String> lines = new ArrayList<>(Text.wrap(Sanitizer.oneLine(c.line()), width));
    Grade g = c.suggested();
    if (g != null) lines.add(style.dim("suggested grade: " + g.rating + " " + g.word() + " (you decide)"));
    return lines;
  }

  /** Line mode: records the typed text as the draft. */
  void set(String text) {
    editor.set(text);
  }

  String draft() {
    return editor.text();
  }
}
