package idrill.drill;

import idrill.drill.DrillSession.Phase;
import idrill.review.Grade;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The drill's one key table. Each {@link Binding} gives the key map (TerminalDrill), the footer and the {@code ?} help
 * (DrillScreen), the words of the line mode and of the {@code :} command line with its completion and suggestions
 * (Command.parse), and README's key table (checked by a test). A new action is one entry here, plus its handling in
 * Control when it is a command.
 */
public final class Keys {
  private Keys() {}

  /**
   * One action. {@code keys} are key names ({@code space}, {@code Enter}, {@code Ctrl-D}, {@code Down}, {@code PgDn},
   * a single character); {@code label} is the footer's word (none: not in the footer); {@code words} are the typed
   * forms, the first one shown; {@code command} what the action asks of the session (null: the screen handles it);
   * {@code phase} where the footer shows it (null: before and after reveal); {@code keep} the footer's order of
   * giving way on a narrow screen (a higher one stays longer).
   */
  public record Binding(String action, List<String> keys, String label, List<String> words, Command command,
      String help, Phase phase, int keep) {
    /** The keys as the footer and the help name them: "space, Enter". */
    public String keyNames() {
      return String.join(", ", keys);
    }

    /** The first typed form ("grade again"), or null for an action with no word. */
    public String word() {
      return words.isEmpty() ? null : words.get(0);
    }
  }

  /** A footer key that never gives way. */
  public static final int KEEP_ALWAYS = 9;
  private static final int ALWAYS = KEEP_ALWAYS;

  /** Order is the help's order and the footer's order. */
  public static final List<Binding> TABLE = List.of(
      new Binding("reveal", List.of("space", "Enter"), "reveal", List.of("reveal"), Command.REVEAL,
          "reveal the answer; once revealed, page down through it", Phase.QUESTION, ALWAYS),
      grade(Grade.AGAIN, "forgot it"), grade(Grade.HARD, "recalled with effort"),
      grade(Grade.GOOD, "recalled"), grade(Grade.EASY, "recalled at once"),
      new Binding("next", List.of("n"), "next", List.of("next", "skip"), Command.NEXT,
          "next question, without grading", null, 3),
      new Binding("undo", List.of("u"), "undo", List.of("undo"), Command.UNDO,
          "undo the last grade of this session and show that question again", null, 2),
      new Binding("edit", List.of("e"), null, List.of("edit"), Command.EDIT,
          "edit this question in $VISUAL or $EDITOR; it keeps its id and history", null, 0),
      new Binding("suspend", List.of("@"), null, List.of("suspend"), Command.SUSPEND,
          "suspend this question: never drilled again until idrill unsuspend", null, 0),
      new Binding("bury", List.of("-"), null, List.of("bury"), Command.BURY,
          "bury this question until tomorrow", null, 0),
      new Binding("flag", List.of("*"), null, List.of("flag"), Command.FLAG,
          "flag this question, or unflag it (idrill list --flagged)", null, 0),
      new Binding("answer", List.of("a"), null, List.of(), null,
          "type the answer again (drill --type)", null, 0),
      new Binding("quit", List.of("q", "Ctrl-D"), "quit", List.of("quit"), Command.QUIT,
          "quit (grades already given are saved)", null, 4),
      new Binding("help", List.of("?"), "help", List.of("help"), Command.HELP, "this help", null, ALWAYS),
      new Binding("command", List.of(":"), "command", List.of(), null,
          "command line for the words (Tab completes, arrows recall, Esc leaves)", null, 1),
      new Binding("down", List.of("j", "Down"), null, List.of(), null, "scroll down one line", null, 0),
      new Binding("up", List.of("k", "Up"), null, List.of(), null, "scroll up one line", null, 0),
      new Binding("pagedown", List.of("PgDn"), null, List.of(), null, "page down", null, 0),
      new Binding("pageup", List.of("PgUp"), null, List.of(), null, "page up", null, 0),
      new Binding("top", List.of("g", "Home"), null, List.of(), null, "to the top", null, 0),
      new Binding("bottom", List.of("G", "End"), null, List.of(), null, "to the bottom", null, 0),
      new Binding("redraw", List.of("Ctrl-L"), null, List.of(), null, "paint the screen again", null, 0),
      new Binding("stop", List.of("Ctrl-Z"), null, List.of(), null, "suspend idrill (fg resumes it)", null, 0),
      new Binding("interrupt", List.of("Ctrl-C"), null, List.of(), null,
          "end the session (grades already given are saved)", null, 0));

  private static Binding grade(Grade g, String meaning) {
    return new Binding(g.word(), List.of(String.valueOf(g.rating)), g.word(), List.of("grade " + g.word(), g.word()),
        Command.grade(g), "grade " + g.word() + " (" + meaning + ") and go on", Phase.ANSWER, ALWAYS);
  }

  /**
   * The keys line of {@code drill --help} (an annotation needs a constant: KeysTest checks it is {@link #keysLine()}).
   */
  public static final String KEYS_LINE =
      "Keys: space reveal · 1 again · 2 hard · 3 good · 4 easy · n next · u undo · e edit · @ suspend · - bury"
      + " · * flag · q quit · ? help · : command.";
  /** The words of the line mode in {@code drill --help}; KeysTest checks it is {@link #shownWords()}. */
  public static final String WORDS_LINE = "reveal, grade again, grade hard, grade good, grade easy, next, undo, edit,"
      + " suspend, bury, flag, quit, help";

  /** Each key with a footer label or a word, "space reveal · 1 again · …": what KEYS_LINE must say. */
  static String keysLine() {
    List<String> parts = new ArrayList<>();
    for (Binding b : TABLE) {
      if (b.label() != null || b.word() != null) {
        parts.add(b.keys().get(0) + " " + (b.label() != null ? b.label() : b.action()));
      }
    }
    return "Keys: " + String.join(" · ", parts) + ".";
  }

  /**
   * The line mode's reminder of the words that apply: the footer's actions that can be typed, those of the phase
   * given first ("reveal · next · undo · quit · help"); null gives only those of every phase.
   */
  static String footerWords(Phase phase) {
    List<String> out = new ArrayList<>();
    for (Binding b : TABLE) {
      if (b.label() != null && b.word() != null && b.phase() == phase && phase != null) out.add(b.word());
    }
    for (Binding b : TABLE) if (b.label() != null && b.word() != null && b.phase() == null) out.add(b.word());
    return String.join(" · ", out);
  }

  /** The binding of an action, or null. */
  public static Binding of(String action) {
    for (Binding b : TABLE) if (b.action().equals(action)) return b;
    return null;
  }

  /** The command a typed line names: a word, or a single key ("n", "3", "?"); a blank line reveals. Null if none. */
  static Command parse(String line) {
    String typed = String.join(" ", line.strip().toLowerCase(Locale.ROOT).split("\\s+"));
    if (typed.isEmpty()) return Command.REVEAL;
    for (Binding b : TABLE) {
      if (b.command() == null) continue;
      if (b.words().contains(typed)) return b.command();
      for (String k : b.keys()) if (k.length() == 1 && k.toLowerCase(Locale.ROOT).equals(typed)) return b.command();
    }
    return null;
  }

  /** Every typed form of every command, in table order: the first is the one to show. */
  public static List<String> words() {
    List<String> out = new ArrayList<>();
    for (Binding b : TABLE) if (b.command() != null) out.addAll(b.words());
    return out;
  }

  /** The shown words, "reveal, next, grade again, …": for the line mode's help and --help. */
  public static List<String> shownWords() {
    List<String> out = new ArrayList<>();
    for (Binding b : TABLE) if (b.word() != null) out.add(b.word());
    return out;
  }

  /** The words that may stand at position {@code index} after the words before it: the command line's completion. */
  public static List<String> completions(List<String> before) {
    Set<String> out = new LinkedHashSet<>();
    for (Binding b : TABLE) {
      if (b.word() == null || b.command() == null) continue;
      String[] w = b.word().split(" ");
      if (w.length <= before.size()) continue;
      boolean match = true;
      for (int i = 0; i < before.size(); i++) match &= w[i].equals(before.get(i).toLowerCase(Locale.ROOT));
      if (match) out.add(w[before.size()]);
    }
    return List.copyOf(out);
  }

  /**
   * Why a typed line is not a command, in plain words: a word that needs another says which ("grade needs one of
   * again, hard, good, easy"), a near miss gets the nearest word ("did you mean 'grade'?").
   */
  public static String explain(String line, Function<String, String> shown) {
    String typed = String.join(" ", line.strip().toLowerCase(Locale.ROOT).split("\\s+"));
    String[] t = typed.split(" ");
    String what = "unknown command: " + shown.apply(typed);
    List<String> after = completions(List.of(t[0]));
    if (!after.isEmpty()) { // "grade" alone, or with a word that is no grade
      List<String> near = t.length == 2 ? idrill.bank.Suggest.closest(t[1], after, 1) : List.of();
      if (!near.isEmpty()) return what + " — did you mean '" + t[0] + " " + near.get(0) + "'?";
      return t[0] + " needs one of " + String.join(", ", after);
    }
    // one word: the nearest first word ("gade" → "grade"); more: the nearest whole form, else its first word's
    List<String> near = t.length == 1 ? List.of() : idrill.bank.Suggest.closest(typed, shownWords(), 1);
    if (near.isEmpty()) near = idrill.bank.Suggest.closest(t[0], completions(List.of()), 1);
    return near.isEmpty() ? what + " — try help" : what + " — did you mean '" + near.get(0) + "'?";
  }

  /** The help lines: one per action, its keys in a column, then the words of the command line. */
  static List<String> helpLines() {
    List<String> lines = new ArrayList<>();
    lines.add("Keys (they act at once):");
    int col = 0;
    for (Binding b : TABLE) col = Math.max(col, b.keyNames().length());
    for (Binding b : TABLE) {
      String names = b.keyNames();
      lines.add("  " + names + " ".repeat(col - names.length() + 3) + b.help());
    }
    lines.add("Words (the : command line, and the line mode when stdin is not a terminal):");
    lines.add("  " + String.join(", ", shownWords()));
    lines.add("");
    return lines;
  }

  /** The escape sequences a key name stands for; capability gives the terminal's own (null when it has none). */
  static List<String> sequences(String key, Function<String, String> capability) {
    List<String> s = new ArrayList<>();
    switch (key) {
      case "space": s.add(" "); break;
      case "Enter": s.add("\r"); s.add("\n"); break;
      case "Down": s.add("\033[B"); s.add("\033OB"); s.add(capability.apply("key_down")); break;
      case "Up": s.add("\033[A"); s.add("\033OA"); s.add(capability.apply("key_up")); break;
      case "PgDn": s.add("\033[6~"); s.add(capability.apply("key_npage")); break;
      case "PgUp": s.add("\033[5~"); s.add(capability.apply("key_ppage")); break;
      case "Home": s.add("\033[H"); s.add("\033OH"); s.add("\033[1~"); s.add(capability.apply("key_home")); break;
      case "End": s.add("\033[F"); s.add("\033OF"); s.add("\033[4~"); s.add(capability.apply("key_end")); break;
      default:
        if (key.startsWith("Ctrl-") && key.length() == 6) s.add(String.valueOf((char) (key.charAt(5) & 0x1f)));
        else if (key.length() == 1) s.add(key);
        else throw new IllegalArgumentException("no such key name: " + key); // a mistake in TABLE
    }
    s.removeIf(x -> x == null || x.isEmpty());
    return s;
  }
}
