package idrill.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import idrill.bank.BadDataException;
import idrill.bank.BankProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final double[] FSRS6 = {
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
    0.7, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542};

  private static final Map<String, String> ENV = Map.of("HOME", "/home/u");

  private static Config parse(String yaml) {
    return ConfigLoader.parse("config.yaml", yaml, Path.of("/etc/idrill"), ENV);
  }

  private static List<String> errors(String yaml) {
    BadDataException e = assertThrows(BadDataException.class, () -> parse(yaml));
    return e.problems().stream().map(BankProblem::toString).toList();
  }

  private static String weights(double[] w) {
    StringBuilder sb = new StringBuilder("fsrs_weights: [");
    for (int i = 0; i < w.length; i++) sb.append(i == 0 ? "" : ", ").append(w[i]);
    return sb.append("]\n").toString();
  }

  @Test
  void defaultsWhenNoFile(@TempDir Path tmp) {
    Config c = ConfigLoader.load(Map.of("HOME", tmp.toString()));
    assertEquals(List.of("default"), c.banks());
    assertEquals(0.9, c.desiredRetention());
    assertEquals(4, c.dayStartHour());
    assertEquals(20, c.newPerDay());
    assertNull(c.fsrsWeights());
  }

  @Test
  void configFileFollowsXdg() {
    assertEquals(Path.of("/x/idrill/config.yaml"), ConfigLoader.configFile(Map.of("HOME", "/h", "XDG_CONFIG_HOME", "/x")));
    assertEquals(Path.of("/h/.config/idrill/config.yaml"), ConfigLoader.configFile(Map.of("HOME", "/h")));
    assertEquals(Path.of("/h/.config/idrill/config.yaml"), ConfigLoader.configFile(Map.of("HOME", "/h", "XDG_CONFIG_HOME", "")));
    // the XDG spec says to ignore a relative value
    assertEquals(Path.of("/h/.config/idrill/config.yaml"), ConfigLoader.configFile(Map.of("HOME", "/h", "XDG_CONFIG_HOME", "rel")));
  }

  @Test
  void loadReadsXdgConfigHomeAndResolvesBanks(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("xdg/idrill"));
    Files.writeString(dir.resolve("config.yaml"),
        "banks: [banks/ml.yaml, default, ~/b.yaml, /abs/c.yaml, ../up]\nnew_per_day: 5\n");
    // a config under HOME that must be ignored
    Files.createDirectories(tmp.resolve("home/.config/idrill"));
    Files.writeString(tmp.resolve("home/.config/idrill/config.yaml"), "new_per_day: 7\n");
    Config c = ConfigLoader.load(Map.of("HOME", tmp.resolve("home").toString(), "XDG_CONFIG_HOME", tmp.resolve("xdg").toString()));
    assertEquals(5, c.newPerDay());
    assertEquals(List.of(dir.resolve("banks/ml.yaml").toString(), "default", tmp.resolve("home/b.yaml").toString(),
        "/abs/c.yaml", tmp.resolve("xdg/up").toString()), c.banks());
  }

  @Test
  void everySettingParses() {
    Config c = parse("desired_retention: 0.85\nday_start_hour: 0\nnew_per_day: 0\n" + weights(FSRS6));
    assertEquals(0.85, c.desiredRetention());
    assertEquals(0, c.dayStartHour());
    assertEquals(0, c.newPerDay());
    assertArrayEquals(FSRS6, c.fsrsWeights());
    assertEquals(List.of("default"), c.banks());
  }

  @Test
  void leechLapsesDefaultsToFourAndMustBeAtLeastOne() {
    assertEquals(4, parse("# nothing\n").leechLapses());
    assertEquals(8, parse("leech_lapses: 8\n").leechLapses());
    assertEquals(List.of("config.yaml:1:15: error: 'leech_lapses' must be at least 1, got 0"),
        errors("leech_lapses: 0\n"));
    assertEquals(List.of("config.yaml:1:15: error: wrong type: 'leech_lapses' must be a whole number, got 'many'"),
        errors("leech_lapses: many\n"));
  }

  @Test
  void emptyFileGivesDefaults() {
    assertEquals(20, parse("# nothing\n").newPerDay());
  }

  @Test
  void badValuesArePositioned() {
    assertEquals(List.of(
        "config.yaml:1:20: error: 'desired_retention' must be between 0.7 and 0.99, got 1.5",
        "config.yaml:2:17: error: wrong type: 'day_start_hour' must be a whole number, got '4.5'",
        "config.yaml:3:14: error: 'new_per_day' must be at least 0, got -1",
        "config.yaml:4:1: error: unknown key 'bank' (did you mean 'banks'?)"),
        errors("desired_retention: 1.5\nday_start_hour: 4.5\nnew_per_day: -1\nbank: [x]\n"));
  }

  @Test
  void wrongTypesArePositioned() {
    assertEquals(List.of("config.yaml:1:20: error: wrong type: 'desired_retention' must be a number, got 'high'"),
        errors("desired_retention: high\n"));
    assertEquals(List.of("config.yaml:1:17: error: wrong type: 'day_start_hour' must be text, got a list"),
        errors("day_start_hour: [4]\n"));
    assertEquals(List.of("config.yaml:1:8: error: wrong type: 'banks' must be a list, got text"),
        errors("banks: default\n"));
    assertEquals(List.of("config.yaml:1:1: error: wrong type: the config must be a mapping, got a list"),
        errors("- banks\n"));
  }

  @Test
  void weightsMustBeTwentyOneInBounds() {
    assertEquals(List.of("config.yaml:1:15: error: 'fsrs_weights' must hold exactly 21 numbers (FSRS-6), got 20"),
        errors(weights(java.util.Arrays.copyOf(FSRS6, 20))));
    double[] w = FSRS6.clone();
    w[4] = 0.5;
    w[20] = 0.9;
    assertEquals(List.of(
        "config.yaml:1:47: error: 'fsrs_weights[4]' must be between 1 and 10, got 0.5",
        "config.yaml:1:167: error: 'fsrs_weights[20]' must be between 0.1 and 0.8, got 0.9"),
        errors(weights(w)));
    assertEquals(List.of("config.yaml:2:11: error: wrong type: 'fsrs_weights[1]' must be a number, got 'x'"),
        errors(weights(FSRS6).replace("1.2931", "x").replace("[", "\n  [")));
  }

  @Test
  void configIsAsSafeAsABank() {
    assertEquals(List.of("config.yaml:2:14: error: aliases are not allowed"), errors("a: &n 5\nnew_per_day: *n\n"));
    assertEquals(List.of("config.yaml:1:8: error: tag not allowed: !!python/object/apply:os.system"),
        errors("banks: !!python/object/apply:os.system [ls]\n"));
    assertEquals(List.of("config.yaml:2:1: error: duplicate key 'new_per_day' (first at line 1)"),
        errors("new_per_day: 1\nnew_per_day: 2\n"));
  }

  @Test
  void machineNamesThisMachinesLogAndMustHoldALetterOrDigit() {
    assertEquals("My Laptop", parse("machine: My Laptop\n").machine());
    assertNull(parse("new_per_day: 5\n").machine());
    assertEquals("My Laptop", Locations.machine(parse("machine: My Laptop\n")));
    assertEquals(List.of("config.yaml:1:10: error: 'machine' must hold a letter or digit (it names reviews-MACHINE.tsv),"
        + " got '../'"), errors("machine: ../\n"));
  }
}
