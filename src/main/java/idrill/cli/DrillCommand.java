package idrill.cli;

import idrill.bank.Question;
import idrill.drill.DrillSession;
import idrill.drill.LineDrill;
import idrill.drill.Outcome;
import idrill.drill.ScheduleRequeue;
import idrill.drill.TerminalDrill;
import idrill.review.ReviewLog;
import idrill.review.Schedule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "drill", mixinStandardHelpOptions = true, description = {"Drill questions: think, reveal, grade yourself.",
    "Each grade is appended to reviews.tsv in the data directory before the next question shows.",
    "Keys: space reveal · 1 again · 2 hard · 3 good · 4 easy · n next · u undo · e edit · q quit · ? help · : command.",
    "When stdin is not a terminal, reads commands one per line: reveal, next, grade again|hard|good|easy,"
        + " skip, undo, edit, quit, help."})
final class DrillCommand implements Callable<Integer> {
  enum Order { due, random, sequential }

  @ParentCommand IdrillCommand root;
  @Mixin CommonOptions common;
  @Mixin FilterOptions filters;
  @Mixin DataOptions data;

  @Option(names = {"-n", "--count"}, paramLabel = "N", description = "Drill at most N questions.")
  Integer count;

  @Option(names = "--order", paramLabel = "ORDER", defaultValue = "due",
      description = "due (the FSRS schedule: learning steps, then reviews due today, then new questions)|random|sequential")
  Order order;

  @Option(names = "--cram", description = "Ignore the schedule: every question of the filter, weakest first.")
  boolean cram;

  @Option(names = "--for", paramLabel = "YYYY-MM-DD", converter = RandomCommand.DateConverter.class,
      description = "Interview day: questions with the lowest predicted recall on that day first.")
  java.time.LocalDate interviewDay;

  @Option(names = "--seed", paramLabel = "N", description = "Shuffle reproducibly.")
  Long seed;

  @Override
  public Integer call() throws IOException {
    if (count != null && count < 1) throw new IllegalArgumentException("--count must be at least 1");
    if (cram && interviewDay != null) throw new IllegalArgumentException("--cram and --for exclude each other");
    Workspace ws = new Workspace(root.ctx, common);
    List<Question> selected = ws.select(filters.filter());
    Path dataDir = data.dataDir(root.ctx);
    ReviewLog log = new ReviewLog(dataDir);
    log.checkWritable(); // before the first question, not after the user has answered
    Instant now = ws.clock().instant();
    // Replaying the log is the costly part of a large history; random and sequential orders need none of it.
    boolean usesSchedule = cram || interviewDay != null || order == Order.due;
    Schedule schedule = usesSchedule ? ws.schedule(dataDir) : null;

    List<Question> queue = order(selected, schedule, ws, now);
    if (queue.isEmpty()) {
      root.ctx.out().println("Nothing is due now (" + selected.size() + " questions in this selection)."
          + " Run 'idrill drill --cram' to drill them anyway, weakest first.");
      root.ctx.out().flush();
      return ExitCode.OK;
    }
    if (count != null && count < queue.size()) queue = queue.subList(0, count);
    // Learning steps come back within the session when the schedule orders it; otherwise AGAIN returns after a few.
    boolean scheduled = order == Order.due && !cram && interviewDay == null;
    DrillSession session = new DrillSession(queue, now, scheduled ? new ScheduleRequeue(schedule) : null);
    // Both drills print the session summary themselves, the terminal one after leaving the alternate screen.
    // Cli.run started the terminal exactly when interactive(ctx) holds; that decision is not made twice
    Outcome outcome = root.early != null ? runInTerminal(ws, session, log) : runLines(ws, session, log);
    root.ctx.out().flush();
    if (outcome.failure() != null) throw new UncheckedIOException(outcome.failure());
    return outcome.interrupted() ? ExitCode.INTERRUPTED : ExitCode.OK;
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

  private Outcome runInTerminal(Workspace ws, DrillSession session, ReviewLog log) throws IOException {
    try (Terminal terminal = root.early.take()) {
      return new TerminalDrill(terminal, session, log::append, ws.style(), ws.clock(), "idrill")
          .editing(new DrillEditing(root.ctx, ws.specs())).run();
    }
  }

  private Outcome runLines(Workspace ws, DrillSession session, ReviewLog log) {
    BufferedReader in = new BufferedReader(new InputStreamReader(root.ctx.in(), StandardCharsets.UTF_8));
    LineDrill drill = new LineDrill(in, root.ctx.out(), session, log::append, ws.width(), ws.clock());
    drill.editing(new DrillEditing(root.ctx, ws.specs()));
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
