package idrill.cli;

import idrill.bank.Question;
import idrill.drill.DrillSession;
import idrill.drill.LineDrill;
import idrill.drill.Outcome;
import idrill.drill.TerminalDrill;
import idrill.review.ReviewLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "drill", mixinStandardHelpOptions = true, description = {"Drill questions: think, reveal, grade yourself.",
    "Each grade is appended to reviews.tsv in the data directory before the next question shows.",
    "Keys: space reveal · 1 again · 2 hard · 3 good · 4 easy · n next · u undo · q quit · ? help · : command.",
    "When stdin is not a terminal, reads commands one per line: reveal, next, grade again|hard|good|easy,"
        + " skip, undo, quit, help."})
final class DrillCommand implements Callable<Integer> {
  enum Order { random, sequential }

  @ParentCommand IdrillCommand root;
  @Mixin CommonOptions common;
  @Mixin FilterOptions filters;
  @Mixin DataOptions data;

  @Option(names = {"-n", "--count"}, paramLabel = "N", description = "Drill at most N questions.")
  Integer count;

  @Option(names = "--order", paramLabel = "ORDER", defaultValue = "random", description = "random|sequential")
  Order order;

  @Option(names = "--seed", paramLabel = "N", description = "Shuffle reproducibly.")
  Long seed;

  @Override
  public Integer call() throws IOException {
    if (count != null && count < 1) throw new IllegalArgumentException("--count must be at least 1");
    Workspace ws = new Workspace(root.ctx, common);
    List<Question> queue = new ArrayList<>(ws.select(filters.filter()));
    if (order == Order.random) Collections.shuffle(queue, seed == null ? new Random() : new Random(seed));
    if (count != null && count < queue.size()) queue = queue.subList(0, count);

    ReviewLog log = new ReviewLog(data.dataDir(root.ctx));
    log.checkWritable(); // before the first question, not after the user has answered
    DrillSession session = new DrillSession(queue, ws.clock().instant());
    // Both drills print the session summary themselves, the terminal one after leaving the alternate screen.
    Outcome outcome = interactive() ? runInTerminal(ws, session, log) : runLines(ws, session, log);
    root.ctx.out().flush();
    if (outcome.failure() != null) throw new UncheckedIOException(outcome.failure());
    return outcome.interrupted() ? ExitCode.INTERRUPTED : ExitCode.OK;
  }

  private boolean interactive() {
    return root.ctx.terminal() && root.ctx.in() == System.in;
  }

  private Outcome runInTerminal(Workspace ws, DrillSession session, ReviewLog log) throws IOException {
    // Probing grapheme-cluster support costs ~130 ms of start-up; we do not need it.
    try (Terminal terminal = TerminalBuilder.builder().system(true).graphemeCluster(false)
        .signalHandler(Terminal.SignalHandler.SIG_IGN).build()) {
      return new TerminalDrill(terminal, session, log::append, ws.style(), ws.clock(), "idrill").run();
    }
  }

  private Outcome runLines(Workspace ws, DrillSession session, ReviewLog log) {
    BufferedReader in = new BufferedReader(new InputStreamReader(root.ctx.in(), StandardCharsets.UTF_8));
    return new LineDrill(in, root.ctx.out(), session, log::append, ws.width(), ws.clock()).run();
  }
}
