package idrill.bank;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean" suggestions for a mistyped tag, id or key. */
public final class Suggest {
  private Suggest() {}

  private record Candidate(String name, int rank, int distance) {}

  /**
   * Up to {@code max} names of {@code known} close to {@code name}, closest first: a small edit distance
   * (optimal string alignment, so a swap of two letters costs 1), or {@code name} being a prefix, a
   * substring or an abbreviation of the known name. Far-off names are never suggested, so the list may be empty.
   */
  public static List<String> closest(String name, Collection<String> known, int max) {
    String n = name.toLowerCase(Locale.ROOT);
    // about one typo per three letters, at least one
    int allowed = Math.max(1, n.length() / 3);
    List<Candidate> found = new ArrayList<>();
    for (String k : known) {
      String lk = k.toLowerCase(Locale.ROOT);
      int d = distance(n, lk);
      int rank;
      if (d <= allowed) rank = d;
      else if (n.length() >= 2 && lk.startsWith(n)) rank = allowed + 1;
      else if (n.length() >= 3 && lk.contains(n)) rank = allowed + 2;
      else if (abbreviates(n, lk)) rank = allowed + 3;
      else continue;
      found.add(new Candidate(k, rank, d));
    }
    found.sort(Comparator.comparingInt(Candidate::rank)
        .thenComparingInt(Candidate::distance)
        .thenComparing(Candidate::name));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < found.size() && i < max; i++) out.add(found.get(i).name());
    return out;
  }

  /** "stats" for "statistics": same first letter, every letter in order, and not too short to mean anything. */
  private static boolean abbreviates(String n, String k) {
    if (n.length() < 3 || n.length() * 3 < k.length() || n.charAt(0) != k.charAt(0)) return false;
    int j = 0;
    for (int i = 0; i < k.length() && j < n.length(); i++) if (k.charAt(i) == n.charAt(j)) j++;
    return j == n.length();
  }

  /** Optimal-string-alignment distance (Damerau–Levenshtein without repeated edits of a substring). */
  static int distance(String a, String b) {
    int n = a.length();
    int m = b.length();
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) d[i][0] = i;
    for (int j = 0; j <= m; j++) d[0][j] = j;
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[n][m];
  }
}
