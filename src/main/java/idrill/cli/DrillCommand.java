package idrill.cli;

import idrill.bank.Question;
import idrill.config.Locations;
import idrill.drill.AsideSink;
import idrill.drill.DrillSession;
import idrill.drill.Keys;
import idrill.drill.LineDrill;
import idrill.drill.Outcome;
import idrill.drill.Outlook;
import idrill.drill.ScheduleRequeue;
import idrill.drill.TerminalDrill;
import idrill.drill.Typing;
import idrill.render.Sanitizer;
import idrill.review.AnswerLog;
import idrill.review.ReviewLog;
import idrill.review.Schedule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import picocli.CommandLine.Model.CommandSpec;

final class DrillCommand implements Callable<Integer>, Model.Declared {
  enum Order { due, random, sequential }

  private final IdrillCommand root;
  final CommonOptions common = new CommonOptions();
  final FilterOptions filters = new FilterOptions();
  final DataOptions data = new DataOptions();
  Integer count;
  Order order;
  boolean cram;
  java.time.LocalDate interviewDay;
  Long seed;
  boolean type;

  DrillCommand(IdrillCommand root) {
    this.root = root;
  }

  @Override
  public CommandSpec model() {
    return Model.command("drill", this)
      .description("Each grade is appended to this machine's review log in the data directory before the next"
          + " question shows.",
          Keys.KEYS_LINE + " Ctrl-Z suspends (fg resumes); ? in the drill lists every key.",
          "The header shows what is left (new · learning · review) and marks a leech; after reveal"
          + " each grade shows the interval it would schedule (1 again 1m · 2 hard 6m · 3 good 10m · 4"
          + " easy 8d).",
          "When stdin is not a terminal, reads commands one per line: " + Keys.WORDS_LINE + " (or a"
          + " key: n, 1-4, ...; an empty line reveals).")
      .mixin(common.model())
      .mixin(filters.model())
      .mixin(data.model())
      .option("-n", "--count").label("N").type(Integer.class)
          .help("Drill at most N questions.").to(new Model.To<Integer>() { void set(Integer v) { count = v; } })
      .option("--order").label("ORDER").defaultValue("due").type(Order.class)
          .help("due (the FSRS schedule: learning steps, then reviews due today, then new"
          + " questions)|random|sequential").to(new Model.To<Order>() { void set(Order v) { order = v; } })
      .flag("--cram")
          .help("Ignore the schedule: every question of the filter, weakest first.")
          .to(new Model.To<Boolean>() { void set(Boolean v) { cram = v; } })
      .option("--for").label("YYYY-MM-DD").converter(java.time.LocalDate.class, new RandomCommand.DateConverter())
          .help("Interview day: questions with the lowest predicted recall on that day first.")
          .to(new Model.To<java.time.LocalDate>() { void set(java.time.LocalDate v) { interviewDay = v; } })
      .option("--seed").label("N").type(Long.class)
          .help("Shuffle reproducibly.").to(new Model.To<Long>() { void set(Long v) { seed = v; } })
      .flag("--type")
          .help("Type each answer before the reveal (Ctrl-D or Alt-Enter submits, Esc abandons; line mode:"
          + " answer TEXT); kept in answers-MACHINE.tsv and checked for key terms.")
          .to(new Model.To<Boolean>() { void set(Boolean v) { type = v; } })
      .spec();
  }

  @Override
  public Integer call() throws IOException {
    if (count != null && count < 1) throw new UsageException("--count must be at least 1");
    if (cram && interviewDay != null) throw new UsageException("--cram and --for exclude each other");
    Workspace ws = new Workspace(root.ctx, common);
    List<Question> selected = ws.select(filters.filter());
    Path dataDir = data.dataDir(root.ctx);
    ReviewLog log = ws.log(dataDir);
    log.checkWritable(); // before the first question, not after the user has answered
    Instant now = ws.clock().instant();
    // every order needs the memory states: the header counts by kind and the footer shows each grade's interval
    Schedule schedule = ws.schedule(dataDir);
    boolean usesSchedule = cram || interviewDay != null || order == Order.due;

    List<Question> queue = order(selected, usesSchedule ? schedule : null, ws, now);
    queue.removeIf(q -> schedule.setAside(q.id(), now)); // suspended or buried: in no order (the schedule's are already)
    if (queue.isEmpty()) {
      PrintWriter out = root.ctx.out();
      int n = selected.size();
      out.println("Nothing is due now (" + n + (n == 1 ? " question" : " questions") + " in this selection).");
      String next = DueCommand.next(schedule, ids(selected), now, ws.config().newPerDay());
      if (next != null) out.println(next);
      out.println("Run '" + cramCommand() + "' to drill " + (n == 1 ? "it" : "them") + " anyway, weakest first.");
      root.ctx.out().flush();
      return ExitCode.OK;
    }
    if (count != null && count < queue.size()) queue = queue.subList(0, count);
    // Learning steps come back within the session when the schedule orders it; otherwise AGAIN returns after a few.
    boolean scheduled = order == Order.due && !cram && interviewDay == null;
    DrillSession session = new DrillSession(queue, now, scheduled ? new ScheduleRequeue(schedule) : null);
    Outlook outlook = new Outlook(schedule, ws.config().leechLapses(), ids(selected), ws.config().newPerDay());
    // Both drills print the session summary themselves, the terminal one after leaving the alternate screen.
    // Cli.run started the terminal exactly when interactive(ctx) holds; that decision is not made twice
    Outcome outcome = root.early != null ? runInTerminal(ws, session, outlook, log, schedule)
        : runLines(ws, session, outlook, log, schedule);
    root.ctx.out().flush();
    if (outcome.failure() != null) throw new UncheckedIOException(outcome.failure());
    if (outcome.signal() != 0) return 128 + outcome.signal(); // ExitCode.HANGUP, ExitCode.TERMINATED
    return outcome.interrupted() ? ExitCode.INTERRUPTED : ExitCode.OK;
  }

  private static List<String> ids(List<Question> qs) {
    List<String> ids = new ArrayList<>(qs.size());
    for (Question q : qs) ids.add(q.id());
    return ids;
  }

  /** The command that crams this very selection: the same banks and filter. */
  private String cramCommand() {
    StringBuilder sb = new StringBuilder("idrill drill --cram");
    for (String b : common.banks) sb.append(" --bank ").append(shellWord(b));
    for (String t : filters.tags) sb.append(" -t ").append(shellWord(t));
    for (String t : filters.excludeTags) sb.append(" -x ").append(shellWord(t));
    if (filters.grep != null && !filters.grep.isEmpty()) sb.append(" -g ").append(shellWord(filters.grep));
    return Sanitizer.oneLine(sb.toString());
  }

  /** A word as a POSIX shell reads it back: bare when safe, else in single quotes. */
  static String shellWord(String w) {
    if (!w.isEmpty() && w.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "@%+=:,./_-".indexOf(c) >= 0))) {
      return w;
    }
    return "'" + w.replace("'", "'\\''") + "'";
  }

  private List<Question> order(List<Question> selected, Schedule schedule, Workspace ws, Instant now) {
    if (schedule == null) {
      List<Question> queue = new ArrayList<>(selected);
      if (order == Order.random) Collections.shuffle(queue, seed == null ? new Random() : new Random(seed));
      return queue;
    }
    Map<String, Question> byId = new HashMap<>();
    List<String> ids = new ArrayList<>();
    for (Question q : selected) {
      byId.put(q.id(), q);
      ids.add(q.id());
    }
    List<String> ordered = cram ? schedule.cramOrder(ids, now)
        : interviewDay != null ? schedule.readinessOrder(ids, schedule.startOf(interviewDay))
        : schedule.dueQueue(ids, now, ws.config().newPerDay());
    List<Question> queue = new ArrayList<>(ordered.size());
    for (String id : ordered) queue.add(byId.get(id));
    return queue;
  }

  // A terminal that cannot move the cursor (TERM=dumb, an editor's shell buffer) gets the line mode instead.
  static boolean interactive(Context ctx) {
    String term = ctx.getenv("TERM");
    boolean capable = term != null && !term.isEmpty() && !"dumb".equals(term);
    return capable && ctx.terminal() && ctx.in() == System.in;
  }

  private Outcome runInTerminal(Workspace ws, DrillSession session, Outlook outlook, ReviewLog log, Schedule schedule)
      throws IOException {
    try (Terminal terminal = root.early.take()) {
      if (!EarlyTerminal.described(terminal)) {
        // no terminfo entry for $TERM: a full screen would be drawn blind, so drill line by line
        root.ctx.err().println("idrill drill: no terminal description for TERM '"
            + idrill.render.Sanitizer.oneLine(String.valueOf(root.ctx.getenv("TERM")))
            + "' (terminfo); drilling line by line");
        root.ctx.err().flush();
      } else {
        return new TerminalDrill(terminal, session, log::append, outlook, ws.style(), ws.clock(), "idrill")
            .typing(typing(ws, log.file().getParent())).editing(new DrillEditing(root.ctx, ws.bankSpecs()))
            .asides(AsideSink.to(log), schedule::flagged).run();
      }
    }
    return runLines(ws, session, outlook, log, schedule);
  }

  /** With --type, answers go to this machine's answers file beside its review log; null without. */
  private Typing typing(Workspace ws, Path dataDir) {
    return type ? new Typing(AnswerLog.forMachine(dataDir, Locations.machine(ws.config()))::append) : null;
  }

  private Outcome runLines(Workspace ws, DrillSession session, Outlook outlook, ReviewLog log, Schedule schedule) {
    BufferedReader in = new BufferedReader(new InputStreamReader(root.ctx.in(), StandardCharsets.UTF_8));
    LineDrill drill = new LineDrill(in, root.ctx.out(), session, log::append, outlook, ws.width(), ws.clock(),
        typing(ws, log.file().getParent()));
    drill.editing(new DrillEditing(root.ctx, ws.bankSpecs())).asides(AsideSink.to(log), schedule::flagged);
    // Ctrl-C (SIGINT) while a line is awaited: the JVM exits 130 and runs its hooks; this one prints the summary
    Thread onInterrupt = new Thread(() -> drill.interrupt(Duration.ofSeconds(2)), "idrill-interrupt");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    try {
      return drill.run();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
      } catch (IllegalStateException e) {
        // already shutting down: the hook is running or has run
      }
    }
  }
}
