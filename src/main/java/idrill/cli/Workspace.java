package idrill.cli;

import idrill.bank.Bank;
import idrill.bank.BankLoader;
import idrill.bank.Filter;
import idrill.bank.Question;
import idrill.config.Config;
import idrill.config.ConfigLoader;
import idrill.config.Locations;
import idrill.render.Sanitizer;
import idrill.render.Style;
import idrill.review.FsrsParams;
import idrill.review.ReviewEvents;
import idrill.review.ReviewLog;
import idrill.review.Schedule;
import idrill.review.Zone;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** What a command works on, resolved once from its options: config, banks, clock, colour and width. */
final class Workspace {
  private final Context ctx;
  private final CommonOptions common;
  private Config config;
  private Bank bank;
  private Clock clock;

  Workspace(Context ctx, CommonOptions common) {
    this.ctx = ctx;
    this.common = common;
  }

  Context ctx() {
    return ctx;
  }

  Config config() {
    if (config == null) config = ConfigLoader.load(ctx.env());
    return config;
  }

  /** The banks named by --bank, else the configured ones; bad data throws BadDataException. */
  Bank bank() {
    if (bank == null) {
      bank = BankLoader.cached(Locations.cacheDir(ctx.env()).resolve("banks")).load(bankSpecs(), ctx.cwd()).orThrow();
    }
    return bank;
  }

  /** The review log of dataDir as this machine writes it (reviews-MACHINE.tsv) and reads it (every log there). */
  ReviewLog log(Path dataDir) {
    return ReviewLog.forMachine(dataDir, Locations.machine(config()));
  }

  /** The bank specs this run loads: --bank, else the configured ones. */
  List<String> bankSpecs() {
    return common.banks.isEmpty() ? config().banks() : common.banks;
  }

  /** Where the logs' warnings about lines they skip go: err, one plain line each. */
  static Consumer<String> warnings(PrintWriter err) {
    return new Warnings(err);
  }

  // a class, not a lambda: every command reads the log, and on a cold JDK 17 each lambda's bootstrap costs ~0.3 ms
  private static final class Warnings implements Consumer<String> {
    private final PrintWriter err;

    Warnings(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void accept(String warning) {
      err.println(Sanitizer.oneLine(warning));
    }
  }

  /** Every question's memory state, replayed from the review logs (the only state there is). */
  Schedule schedule(Path dataDir) {
    ReviewEvents events;
    try {
      events = log(dataDir).readStanding(warnings(ctx.err()), clock().instant());
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e); // the message names the file; the cause's class is no news
    }
    ctx.err().flush();
    Config c = config();
    FsrsParams params = FsrsParams.defaults().withRetention(c.desiredRetention());
    if (c.fsrsWeights() != null) params = params.withWeights(c.fsrsWeights());
    return Schedule.replay(events, params, zone(), c.dayStartHour());
  }

  /** The filtered questions in bank order; none is exit 3. */
  List<Question> select(Filter filter) {
    List<Question> selected = filter.apply(bank());
    if (selected.isEmpty()) {
      throw new NoMatchException("no questions match " + (filter.isEmpty() ? "(the bank is empty)" : filter.describe()));
    }
    return selected;
  }

  /** The context's clock, or with --now one that starts at that instant and runs on (a drill's grades get their ms). */
  Clock clock() {
    if (clock == null) {
      clock = common.now == null ? ctx.clock() : Clock.offset(ctx.clock(), Duration.between(ctx.clock().instant(), common.now));
    }
    return clock;
  }

  /** Today's date: the system clock's own shortcut unless --now fixes the time. */
  LocalDate today() {
    return common.now == null && ctx.clock() instanceof SystemToday t ? t.today() : LocalDate.now(clock());
  }

  /** The clock's zone, without loading java.time's zone rules when the system clock's TimeZone serves. */
  Zone zone() {
    return ctx.clock() instanceof SystemToday t ? Zone.of(t.timeZone()) : Zone.of(ctx.clock().getZone());
  }

  Style style() {
    return new Style(colorOn(common.color, ctx));
  }

  static boolean colorOn(CommonOptions.ColorMode mode, Context ctx) {
    switch (mode) {
      case always: return true;
      case never: return false;
      default:
        String noColor = ctx.getenv("NO_COLOR");
        return ctx.terminal() && (noColor == null || noColor.isEmpty()) && !"dumb".equals(ctx.getenv("TERM"));
    }
  }

  /** Columns: COLUMNS when set (piped too, like ls), else the terminal's; 80 for a pipe without COLUMNS. */
  int width() {
    Integer cols = parsePositive(ctx.getenv("COLUMNS"));
    if (cols == null && ctx.terminal()) cols = sttyColumns();
    return cols == null ? 80 : Math.max(20, cols);
  }

  private static Integer parsePositive(String s) {
    try {
      int n = s == null ? -1 : Integer.parseInt(s.trim());
      return n > 0 ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  // Asking stty costs a few ms but spares loading JLine (~100 ms) just to learn the width.
  private static Integer sttyColumns() {
    File tty = new File("/dev/tty");
    if (!tty.canRead()) return null;
    try {
      Process p = new ProcessBuilder("stty", "size").redirectInput(tty)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      if (!p.waitFor(1, TimeUnit.SECONDS)) p.destroy();
      String[] parts = out.split(" ");
      return parts.length == 2 ? parsePositive(parts[1]) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
