package idrill.cli;

import idrill.review.ReviewLog;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Options every command shares: which banks, colour, the clock, debugging. */
public final class CommonOptions {
  public enum ColorMode { auto, always, never }

  List<String> banks = new ArrayList<>();
  ColorMode color = ColorMode.auto;
  Instant now;
  boolean debug;

  Model model() {
    return Model.options()
        .option("--bank").label("PATH").help("Bank file, or directory of *.yaml/*.yml, for this run instead of the"
            + " configured banks (repeatable; 'default' names the bundled bank).").list()
            .to(new Model.To<List<String>>() { void set(List<String> v) { banks = v; } })
        .option("--color").label("WHEN").defaultValue("auto")
            .help("auto|always|never (auto: only on a terminal and without NO_COLOR).").type(ColorMode.class)
            .to(new Model.To<ColorMode>() { void set(ColorMode v) { color = v; } })
        .option("--now").label("ISO-8601").help("Start the clock at this time (e.g. 2026-11-25T09:00:00Z) for"
            + " reproducible scripts and tests; it runs on from there.").converter(Instant.class, new InstantConverter())
            .to(new Model.To<Instant>() { void set(Instant v) { now = v; } })
        .flag("--debug").help("Show stack traces of errors.")
            .to(new Model.To<Boolean>() { void set(Boolean v) { debug = v; } });
  }

  /** Accepts an instant (2026-11-25T09:00:00Z) or a date-time with offset, within the years the log can hold. */
  static final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      Instant t;
      try {
        t = java.time.OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is not an ISO-8601 time like 2026-11-25T09:00:00Z");
      }
      // a day of margin: the clock runs on from here, and a grade must still be writable
      if (!ReviewLog.representable(t) || !ReviewLog.representable(t.plus(Duration.ofDays(1)))) {
        throw new TypeConversionException("'" + value + "' is outside the years the review log can hold"
            + " (0000-01-01 to 9999-12-30)");
      }
      return t;
    }
  }
}
