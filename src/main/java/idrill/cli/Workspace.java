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
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What a command works on, resolved once from its options: config, banks, clock, colour and width. */
final class Workspace {
  private final Context ctx;
  private final CommonOptions common;
  private Config config;
  private Bank bank;

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
      List<String> specs = common.banks.isEmpty() ? config().banks() : common.banks;
      bank = BankLoader.cached(Locations.cacheDir(ctx.env()).resolve("banks")).load(specs, ctx.cwd()).orThrow();
    }
    return bank;
  }

  /** Every question's memory state, replayed from the review log (the only state there is). */
  Schedule schedule(Path dataDir) {
    ReviewEvents events;
    try {
      events = new ReviewLog(dataDir).readStanding(warning -> ctx.err().println(Sanitizer.oneLine(warning)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

  Clock clock() {
    return common.now == null ? ctx.clock() : Clock.fixed(common.now, ctx.clock().getZone());
  }

  /** Today's date: the system clock's own shortcut unless --now fixes the time. */
  LocalDate today() {
    return common.now == null && ctx.clock() instanceof SystemToday t ? t.today() : LocalDate.now(clock());
  }

  ZoneId zone() {
    return ctx.clock().getZone();
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

  /** Columns of the terminal; 80 when output is not a terminal. */
  int width() {
    if (!ctx.terminal()) return 80;
    Integer cols = parsePositive(ctx.getenv("COLUMNS"));
    if (cols == null) cols = sttyColumns();
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
