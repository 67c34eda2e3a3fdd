package idrill.cli;

import idrill.bank.DailyPick;
import idrill.bank.Question;
import idrill.review.Marks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

@Command(name = "random", mixinStandardHelpOptions = true, description = {"Print one question from the filtered bank.",
    "With --daily, the question of the day: the same one all day for the same bank and filter,"
        + " and no repeat until every question of the filter has had its day; suspended questions never have theirs."},
    footer = {"", "Example, in ~/.bashrc or a motd script:", "  idrill random --daily -t deep-learning"})
final class RandomCommand implements Callable<Integer> {
  @ParentCommand IdrillCommand root;
  @Mixin CommonOptions common;
  @Mixin FilterOptions filters;
  @Mixin DataOptions data;

  @Option(names = "--daily", description = "The question of the day.")
  boolean daily;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
      description = "With --daily: the question of that day instead of today.")
  LocalDate date;

  @Option(names = "--seed", paramLabel = "N", description = "Pick reproducibly.")
  Long seed;

  @Option(names = "--answer", description = "Print the answer too (JSON always includes it).")
  boolean answer;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text|json|markdown")
  Format format;

  @Override
  public Integer call() {
    if (date != null && !daily) throw new UsageException("--date needs --daily");
    if (seed != null && daily) throw new UsageException("--seed and --daily exclude each other");
    Workspace ws = new Workspace(root.ctx, common);
    List<Question> selected = ws.select(filters.filter());
    Question q;
    if (daily) {
      LocalDate day = date != null ? date : ws.today();
      q = DailyPick.pick(unsuspended(ws, selected), day);
    } else {
      SplittableRandom random = seed != null ? new SplittableRandom(seed) : new SplittableRandom();
      q = selected.get(random.nextInt(selected.size()));
    }
    Printing.question(ws, q, answer, format);
    return ExitCode.OK;
  }

  /** The selection without suspended questions; only the log's set-aside lines are parsed (a prompt runs this). */
  private List<Question> unsuspended(Workspace ws, List<Question> selected) {
    Marks marks;
    try {
      marks = ws.log(data.dataDir(root.ctx)).readMarks();
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    if (marks.ids().isEmpty()) return selected;
    List<Question> out = new ArrayList<>(selected.size());
    for (Question q : selected) if (!marks.get(q.id()).suspended()) out.add(q);
    if (out.isEmpty()) {
      throw new NoMatchException("every question of " + (filters.filter().isEmpty() ? "the bank" : filters.filter().describe())
          + " is suspended ('idrill unsuspend ID' brings one back)");
    }
    return out;
  }

  static final class DateConverter implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is not a date like 2026-12-10");
      }
    }
  }
}
