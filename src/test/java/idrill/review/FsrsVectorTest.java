package idrill.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replays the review sequences of fsrs/ts-fsrs-vectors.txt (made with ts-fsrs 5.4.2) step by step. */
class FsrsVectorTest {

  @Test
  void replayMatchesTsFsrsAfterEveryStep() throws IOException {
    Map<String, Fsrs> configs = new HashMap<>();
    List<String> failures = new ArrayList<>();
    String seqKey = null;
    MemoryState s = null;
    int steps = 0, sequences = 0;
    try (BufferedReader in = open()) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] f = line.split(" ");
        if (f[0].equals("config")) {
          configs.put(f[1], config(f));
          continue;
        }
        Fsrs fsrs = configs.get(f[0]);
        assertNotNull(fsrs, "unknown config " + f[0]);
        String key = f[0] + " " + f[1];
        if (!key.equals(seqKey)) {
          seqKey = key;
          s = MemoryState.NEW;
          sequences++;
        }
        Instant now = Instant.ofEpochSecond(Long.parseLong(f[2]));
        s = fsrs.review(s, Grade.values()[Integer.parseInt(f[3]) - 1], now);
        steps++;
        String where = key + " step " + s.reps() + ": ";
        CardState state = CardState.valueOf(f[4].toUpperCase(Locale.ROOT));
        double stability = Double.parseDouble(f[5]);
        double difficulty = Double.parseDouble(f[6]);
        long due = Long.parseLong(f[7]);
        if (s.state() != state) failures.add(where + "state " + s.state() + " != " + state);
        if (Math.abs(s.stability() - stability) > 1e-4) failures.add(where + "S " + s.stability() + " != " + stability);
        if (Math.abs(s.difficulty() - difficulty) > 1e-4) failures.add(where + "D " + s.difficulty() + " != " + difficulty);
        if (s.due().getEpochSecond() != due) failures.add(where + "due " + s.due() + " != " + Instant.ofEpochSecond(due));
        if (s.reps() != Integer.parseInt(f[8])) failures.add(where + "reps " + s.reps() + " != " + f[8]);
        if (s.lapses() != Integer.parseInt(f[9])) failures.add(where + "lapses " + s.lapses() + " != " + f[9]);
        if (s.step() != Integer.parseInt(f[10])) failures.add(where + "step " + s.step() + " != " + f[10]);
      }
    }
    assertEquals(6, configs.size());
    assertTrue(sequences >= 350, "sequences: " + sequences);
    assertTrue(steps >= 4800, "steps: " + steps);
    assertTrue(failures.isEmpty(), failures.size() + " mismatches, first: "
        + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
  }

  /** config name retention maxInterval shortTerm learningMinutes relearningMinutes givenWeights clippedWeights */
  private static Fsrs config(String[] f) {
    FsrsParams p = new FsrsParams(doubles(f[7]), Double.parseDouble(f[2]), Integer.parseInt(f[3]),
        minutes(f[5]), minutes(f[6]), Boolean.parseBoolean(f[4]));
    assertArrayEquals(doubles(f[8]), p.weights(), 1e-12, "weights clipped as ts-fsrs does, config " + f[1]);
    return new Fsrs(p, ZoneOffset.UTC, 0);
  }

  private static double[] doubles(String csv) {
    String[] parts = csv.split(",");
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) out[i] = Double.parseDouble(parts[i]);
    return out;
  }

  private static List<Duration> minutes(String csv) {
    List<Duration> out = new ArrayList<>();
    if (csv.equals("-")) return out;
    for (String m : csv.split(",")) out.add(Duration.ofMinutes(Long.parseLong(m)));
    return out;
  }

  private static BufferedReader open() {
    InputStream in = FsrsVectorTest.class.getResourceAsStream("/fsrs/ts-fsrs-vectors.txt");
    assertNotNull(in, "fsrs/ts-fsrs-vectors.txt on the test class path");
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }
}
