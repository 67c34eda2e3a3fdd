package idrill.config;

import idrill.bank.BadDataException;
import idrill.bank.BankLoader;
import idrill.bank.BankProblem;
import idrill.bank.YamlTree;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** Reads the optional config file, as untrusted as a bank: every bad value is a positioned problem. */
public final class ConfigLoader {
  private static final List<String> KEYS =
      List.of("banks", "desired_retention", "day_start_hour", "new_per_day", "fsrs_weights", "leech_lapses",
          "machine");
  /** Built when a config file has a number to check: most runs have no config file. */
  private static final class Numbers {
    static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,9}");
  }
  // FSRS-6 parameter bounds, w0..w20
  private static final double[] LOW = {
    0.001, 0.001, 0.001, 0.001, 1, 0.001, 0.001, 0.001, 0, 0, 0.001, 0.001, 0.001, 0.001, 0, 0, 1, 0, 0, 0, 0.1};
  private static final double[] HIGH = {
    100, 100, 100, 100, 10, 4, 4, 0.75, 4.5, 0.8, 3.5, 5, 0.25, 0.9, 4, 1, 6, 2, 2, 0.8, 0.8};

  private ConfigLoader() {}

  /** ${XDG_CONFIG_HOME:-$HOME/.config}/idrill/config.yaml */
  public static Path configFile(Map<String, String> env) {
    return Locations.xdg(env, "XDG_CONFIG_HOME", ".config").resolve("idrill").resolve("config.yaml");
  }

  /** The config file's settings, or defaults when there is none. Bad content throws BadDataException. */
  public static Config load(Map<String, String> env) {
    Path file = configFile(env);
    if (!Files.exists(file)) return Config.defaults();
    List<BankProblem> problems = new ArrayList<>();
    String text = new YamlTree(file.toString(), problems).read(file);
    if (text == null) throw bad(problems);
    return parse(file.toString(), text, file.getParent(), env);
  }

  /** Parses config text; relative bank paths resolve against {@code dir}, "~/" against $HOME. */
  public static Config parse(String fileName, String yamlText, Path dir, Map<String, String> env) {
    List<BankProblem> problems = new ArrayList<>();
    YamlTree t = new YamlTree(fileName, problems);
    Node root = t.parse(yamlText);
    if (t.errorCount() > 0) throw bad(problems);
    Config d = Config.defaults();
    if (root == null) return d;
    Map<String, NodeTuple> m = t.mapping(root, "the config");
    if (m == null) throw bad(problems);
    t.unknownKeys(m, KEYS);

    List<String> banks = d.banks();
    double retention = d.desiredRetention();
    int dayStart = d.dayStartHour();
    int newPerDay = d.newPerDay();
    double[] weights = d.fsrsWeights();
    int leechLapses = d.leechLapses();

    NodeTuple v = m.get("banks");
    if (v != null) banks = banks(t, v.getValueNode(), dir, env);
    v = m.get("desired_retention");
    if (v != null) retention = number(t, v.getValueNode(), "desired_retention", 0.7, 0.99, retention);
    v = m.get("day_start_hour");
    if (v != null) dayStart = integer(t, v.getValueNode(), "day_start_hour", 0, 23, dayStart);
    v = m.get("new_per_day");
    if (v != null) newPerDay = integer(t, v.getValueNode(), "new_per_day", 0, Integer.MAX_VALUE, newPerDay);
    v = m.get("fsrs_weights");
    if (v != null) weights = weights(t, v.getValueNode());
    v = m.get("leech_lapses");
    if (v != null) leechLapses = integer(t, v.getValueNode(), "leech_lapses", 1, Integer.MAX_VALUE, leechLapses);
    String machine = null;
    v = m.get("machine");
    if (v != null) machine = machine(t, v.getValueNode());

    if (t.errorCount() > 0) throw bad(problems);
    return new Config(banks, retention, dayStart, newPerDay, weights, leechLapses, machine);
  }

  private static List<String> banks(YamlTree t, Node n, Path dir, Map<String, String> env) {
    List<Node> items = t.list(n, "'banks'");
    if (items == null) return null;
    if (items.isEmpty()) {
      t.error(n, "'banks' must not be empty (use [default] for the bundled bank)");
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Node item : items) {
      String s = t.text(item, "a bank");
      if (s == null) continue;
      s = s.strip();
      if (s.isEmpty()) {
        t.error(item, "a bank must not be empty");
      } else if (s.equals(BankLoader.DEFAULT)) {
        out.add(s);
      } else {
        Path p = Locations.expand(s, env);
        if (!p.isAbsolute() && dir != null) p = dir.resolve(p);
        out.add(p.normalize().toString());
      }
    }
    return out;
  }

  /** A name for this machine's log file: it must keep a letter or digit once made a file-name slug. */
  private static String machine(YamlTree t, Node n) {
    String s = t.text(n, "'machine'");
    if (s == null) return null;
    if (!s.chars().anyMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
      t.error(n, "'machine' must hold a letter or digit (it names reviews-MACHINE.tsv), got '" + s + "'");
      return null;
    }
    return s.strip();
  }

  private static double number(YamlTree t, Node n, String key, double low, double high, double fallback) {
    String s = t.text(n, "'" + key + "'");
    if (s == null) return fallback;
    if (!Numbers.NUMBER.matcher(s).matches()) {
      t.error(n, "wrong type: '" + key + "' must be a number, got '" + s + "'");
      return fallback;
    }
    double x = Double.parseDouble(s);
    if (x < low || x > high) {
      t.error(n, "'" + key + "' must be between " + show(low) + " and " + show(high) + ", got " + s);
      return fallback;
    }
    return x;
  }

  private static int integer(YamlTree t, Node n, String key, int low, int high, int fallback) {
    String s = t.text(n, "'" + key + "'");
    if (s == null) return fallback;
    if (!Numbers.INTEGER.matcher(s).matches()) {
      t.error(n, "wrong type: '" + key + "' must be a whole number, got '" + s + "'");
      return fallback;
    }
    int x = Integer.parseInt(s);
    if (x < low || x > high) {
      String range = high == Integer.MAX_VALUE ? "at least " + low : "between " + low + " and " + high;
      t.error(n, "'" + key + "' must be " + range + ", got " + s);
      return fallback;
    }
    return x;
  }

  private static double[] weights(YamlTree t, Node n) {
    List<Node> items = t.list(n, "'fsrs_weights'");
    if (items == null) return null;
    if (items.size() != Config.WEIGHT_COUNT) {
      t.error(n, "'fsrs_weights' must hold exactly " + Config.WEIGHT_COUNT + " numbers (FSRS-6), got " + items.size());
      return null;
    }
    double[] w = new double[items.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = number(t, items.get(i), "fsrs_weights[" + i + "]", LOW[i], HIGH[i], Double.NaN);
    }
    return w;
  }

  private static BadDataException bad(List<BankProblem> problems) {
    List<BankProblem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparingInt((BankProblem p) -> p.position().line()).thenComparingInt(p -> p.position().col()));
    return new BadDataException(sorted);
  }

  // 0.001 prints as 0.001 and 10.0 as 10
  private static String show(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
