package idrill.cli;

import com.google.gson.stream.JsonWriter;
import idrill.bank.Question;
import idrill.drill.AnswerSink;
import idrill.drill.Coverage;
import idrill.mock.LineMock;
import idrill.mock.MockOutcome;
import idrill.mock.MockReport;
import idrill.mock.MockSelection;
import idrill.mock.MockSession;
import idrill.mock.TerminalMock;
import idrill.bank.BankLoader;
import idrill.config.Locations;
import idrill.render.Sanitizer;
import idrill.review.AnswerLog;
import idrill.review.CardState;
import idrill.review.ReviewLog;
import idrill.review.Schedule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import picocli.CommandLine.Model.CommandSpec;

final class MockCommand implements Callable<Integer>, Model.Declared {
  static final int DEFAULT_COUNT = 5;
  static final Duration DEFAULT_BUDGET = Duration.ofMinutes(3);
  private final IdrillCommand root;
  final CommonOptions common = new CommonOptions();
  final FilterOptions filters = new FilterOptions();
  final DataOptions data = new DataOptions();
  Integer count;
  Double minutes;
  Integer perQuestion;
  boolean type;
  Long seed;
  ReportFormat format;
  Path reportFile;

  MockCommand(IdrillCommand root) {
    this.root = root;
  }

  @Override
  public CommandSpec model() {
    return Model.command("mock", this)
      .description("Each grade is appended to this machine's review log like the drill's; with --type your"
          + " answers go to answers-MACHINE.tsv.",
          "Keys: space reveal · a type an answer (--type; Ctrl-D or Alt-Enter submits, Esc abandons) ·"
          + " 1-4 grade · n next · u undo · q end · ? help.",
          "When stdin is not a terminal, reads commands one per line: answer TEXT (\\n for a line"
          + " break), reveal, next, grade again|hard|good|easy, undo, quit, help.")
      .mixin(common.model())
      .mixin(filters.model())
      .mixin(data.model())
      .option("-n", "--count").label("N").type(Integer.class)
          .help("Questions in the interview (default: 5).")
          .to(new Model.To<Integer>() { void set(Integer v) { count = v; } })
      .option("--minutes").label("M").type(Double.class)
          .help("Time for the whole interview, split evenly (default: 3 minutes a question).")
          .to(new Model.To<Double>() { void set(Double v) { minutes = v; } })
      .option("--per-question").label("SECONDS").type(Integer.class)
          .help("Time for each question.").to(new Model.To<Integer>() { void set(Integer v) { perQuestion = v; } })
      .flag("--type")
          .help("Type your answers; each is kept in answers-MACHINE.tsv and checked for key terms.")
          .to(new Model.To<Boolean>() { void set(Boolean v) { type = v; } })
      .option("--seed").label("N").type(Long.class)
          .help("Pick the questions reproducibly.").to(new Model.To<Long>() { void set(Long v) { seed = v; } })
      .option("--format").label("FORMAT").defaultValue("text").type(ReportFormat.class)
          .help("The report: text|json").to(new Model.To<ReportFormat>() { void set(ReportFormat v) { format = v; } })
      .option("--report").label("FILE").type(Path.class)
          .help("Also write the report to FILE (Markdown; JSON with --format json).")
          .to(new Model.To<Path>() { void set(Path v) { reportFile = v; } })
      .spec();
  }

  @Override
  public Integer call() throws IOException {
    int n = count == null ? DEFAULT_COUNT : count;
    if (n < 1) throw new UsageException("--count must be at least 1");
    if (minutes != null && perQuestion != null) throw new UsageException("--minutes and --per-question exclude each other");
    if (minutes != null && !(minutes > 0 && minutes <= 24 * 60)) throw new UsageException("--minutes must be between 0 and 1440");
    if (perQuestion != null && (perQuestion < 1 || perQuestion > 24 * 3600)) {
      throw new UsageException("--per-question must be between 1 and 86400 seconds");
    }
    Workspace ws = new Workspace(root.ctx, common);
    List<Question> selected = ws.select(filters.filter());
    Path dataDir = data.dataDir(root.ctx);
    ReviewLog log = ws.log(dataDir);
    AnswerLog answers = AnswerLog.forMachine(dataDir, Locations.machine(ws.config()));
    Path report = reportFile == null ? null : root.ctx.cwd().resolve(reportFile);
    SafeWrite.Guard guard = Output.guard(root.ctx).logDir(dataDir);
    for (Path f : BankLoader.files(ws.bankSpecs(), root.ctx.cwd())) guard.file(f, "a bank this mock reads");
    if (report != null) checkReportTarget(report, guard); // before the interview, not after it
    log.checkWritable();
    Schedule schedule = ws.schedule(dataDir);
    Instant start = ws.clock().instant();

    Random rnd = seed == null ? new Random() : new Random(seed);
    List<Question> picked = MockSelection.pick(selected,
        id -> schedule.state(id).state() == CardState.NEW ? null : schedule.predictedRecall(id, start), n, rnd);
    Duration each = perQuestion != null ? Duration.ofSeconds(perQuestion)
        : minutes != null ? Duration.ofMillis(Math.max(1000, Math.round(minutes * 60_000 / picked.size())))
        : DEFAULT_BUDGET;
    MockSession session = new MockSession(picked, Collections.nCopies(picked.size(), each), start);
    AnswerSink answerSink = type ? answers::append : null;

    PrintWriter out = root.ctx.out();
    Runnable printReport = () -> printReport(ws, session, selected, dataDir, report, guard);
    MockOutcome outcome;
    if (root.early != null) {
      CountDownLatch reported = new CountDownLatch(1);
      Thread onTerm = null;
      try (Terminal terminal = root.early.take()) {
        TerminalMock mock = new TerminalMock(terminal, session, log::append, answerSink, ws.style(), ws.clock());
        // SIGTERM: the JVM runs its hooks while this thread goes on; this one ends the loop and waits for the report
        onTerm = new Thread(() -> {
          mock.stop();
          try {
            reported.await(3, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }, "idrill-terminate");
        Runtime.getRuntime().addShutdownHook(onTerm);
        outcome = mock.run();
      }
      try {
        if (outcome.failure() == null) {
          if (outcome.interrupted()) out.println("interrupted — every grade given was saved");
          printReport.run();
        }
      } finally {
        reported.countDown();
        try {
          Runtime.getRuntime().removeShutdownHook(onTerm);
        } catch (IllegalStateException e) {
          // shutting down: the hook is running and waits for the report just printed
        }
      }
    } else {
      outcome = runLines(ws, session, log, answerSink, printReport);
    }
    out.flush();
    if (outcome.failure() != null) throw new UncheckedIOException(outcome.failure());
    return outcome.interrupted() ? ExitCode.INTERRUPTED : ExitCode.OK;
  }

  private MockOutcome runLines(Workspace ws, MockSession session, ReviewLog log, AnswerSink answers, Runnable report) {
    BufferedReader in = new BufferedReader(new InputStreamReader(root.ctx.in(), StandardCharsets.UTF_8));
    LineMock mock = new LineMock(in, root.ctx.out(), session, log::append, answers, ws.width(), ws.clock(), report);
    // Ctrl-C while a line is awaited: the JVM exits 130 and runs its hooks; this one prints the report (as the drill)
    Thread onInterrupt = new Thread(() -> mock.interrupt(Duration.ofSeconds(2)), "idrill-interrupt");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    try {
      return mock.run();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
      } catch (IllegalStateException e) {
        // already shutting down: the hook is running or has run
      }
    }
  }

  /** The report after the interview, its grades in the log: predicted recall is replayed with them. */
  private void printReport(Workspace ws, MockSession session, List<Question> selected, Path dataDir, Path file,
      SafeWrite.Guard guard) {
    PrintWriter out = root.ctx.out();
    Instant now = ws.clock().instant();
    Schedule after = ws.schedule(dataDir);
    double sum = 0;
    for (Question q : selected) sum += after.predictedRecall(q.id(), now);
    MockReport r = MockReport.of(session.results(), type, sum / selected.size(), selected.size());
    String json = format == ReportFormat.json ? json(r) : null;
    if (json != null) out.println(json);
    else for (String l : r.lines(ws.style(), ws.width())) out.println(l);
    if (file != null) {
      try {
        SafeWrite.write(file, (json != null ? json + "\n" : r.markdown()).getBytes(StandardCharsets.UTF_8), guard);
        if (json == null) out.println("  report written to " + file);
        else root.ctx.err().println("report written to " + file);
      } catch (RuntimeException e) {
        // the interview is over and its grades saved: say why the report is missing, and keep the exit
        root.ctx.err().println("idrill mock: report not written: " + Sanitizer.oneLine(String.valueOf(e.getMessage())));
      }
    }
    out.flush();
    root.ctx.err().flush();
  }

  /** A report follows the rules of every -o (SafeWrite), and never replaces an existing YAML file (a bank, likely). */
  static void checkReportTarget(Path file, SafeWrite.Guard guard) {
    SafeWrite.check(file, guard);
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (Files.exists(file) && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
      throw new SafeWrite.Refused(file, "may be a bank; a report never writes over a YAML file");
    }
  }

  static String json(MockReport r) {
    return Json.write(w -> {
      w.beginObject();
      MockReport.Totals t = r.totals();
      w.name("questions").value(t.asked()).name("graded").value(t.graded()).name("skipped").value(t.skipped());
      w.name("budget_s").value(t.budget().toMillis() / 1000.0).name("used_s").value(t.used().toMillis() / 1000.0);
      w.name("over_time").value(t.overTime()).name("revealed_by_time").value(t.revealedByTime());
      if (r.typed()) w.name("terms_covered").value(t.termsCovered()).name("terms").value(t.terms());
      w.name("items").beginArray();
      for (MockReport.Row row : r.rows()) {
        w.beginObject().name("id").value(row.id());
        w.name("budget_s").value(row.budget().toMillis() / 1000.0).name("used_s").value(row.used().toMillis() / 1000.0);
        w.name("overrun_s").value(row.overrun().toMillis() / 1000.0);
        w.name("revealed_by").value(row.revealedBy() == null ? null : row.revealedBy().name().toLowerCase(Locale.ROOT));
        w.name("grade").value(row.grade() == null ? null : row.grade().word());
        w.name("skipped").value(row.skipped());
        if (row.coverage() != null) coverage(w, row.coverage());
        w.endObject();
      }
      w.endArray();
      w.name("tags").beginArray();
      for (MockReport.TagRow tag : r.tags()) {
        w.beginObject().name("tag").value(tag.tag()).name("graded").value(tag.graded())
            .name("mean_rating").value(Math.round(tag.meanRating() * 100) / 100.0).name("good_or_easy").value(tag.goodOrEasy())
            .endObject();
      }
      w.endArray();
      w.name("recall_today").value(Math.round(r.recallToday() * 10000) / 10000.0);
      w.name("questions_in_filter").value(r.filterSize());
      w.endObject();
    });
  }

  /** A coverage as JSON fields: covered and missed terms, and the grade they suggest. */
  static void coverage(JsonWriter w, Coverage c) throws IOException {
    w.name("covered").beginArray();
    for (String s : c.covered()) w.value(s);
    w.endArray().name("missed").beginArray();
    for (String s : c.missed()) w.value(s);
    w.endArray();
    w.name("suggested").value(c.suggested() == null ? null : c.suggested().word());
  }
}
