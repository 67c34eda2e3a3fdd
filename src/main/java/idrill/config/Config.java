package idrill.config;

import java.util.List;

/**
 * User settings. {@code banks} are specs for BankLoader (already resolved to absolute paths or "default");
 * {@code fsrsWeights} is null for the scheduler's defaults, else exactly 21 weights; a question with at least
 * {@code leechLapses} lapses is marked a leech. {@code machine} names this machine's review log
 * ({@code reviews-<machine>.tsv}); null for the host name.
 */
public record Config(List<String> banks, double desiredRetention, int dayStartHour, int newPerDay, double[] fsrsWeights,
    int leechLapses, String machine) {
  public static final int WEIGHT_COUNT = 21;

  public Config {
    banks = List.copyOf(banks);
    // a record cannot freeze an array: keep our own copy
    fsrsWeights = fsrsWeights == null ? null : fsrsWeights.clone();
  }

  public static Config defaults() {
    return new Config(List.of("default"), 0.9, 4, 20, null, 4, null);
  }
}
