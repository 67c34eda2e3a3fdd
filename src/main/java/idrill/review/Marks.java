package idrill.review;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the standing set-aside events say of each question, replayed in time order (equal times in file order):
 * suspended until an unsuspend, flagged until an unflag, and the time of the latest bury. Derived, never stored.
 */
public final class Marks {
  /** No bury: {@link Mark#buriedAt} of a question never buried. */
  public static final long NEVER = Long.MIN_VALUE;
  /** A question never set aside. */
  public static final Mark NONE = new Mark(false, false, NEVER);
  static final Marks EMPTY = new Marks(Map.of());

  /** One question's marks; buriedAt is epoch milliseconds of its latest bury, or {@link #NEVER}. */
  public record Mark(boolean suspended, boolean flagged, long buriedAt) {}

  private final Map<String, Mark> byId;

  private Marks(Map<String, Mark> byId) {
    this.byId = byId;
  }

  /** The marks of standing events (undos already applied). */
  public static Marks of(ReviewEvents standing) {
    int n = standing.asideCount();
    if (n == 0) return EMPTY;
    Integer[] order = new Integer[n];
    for (int j = 0; j < n; j++) order[j] = j;
    Arrays.sort(order, Comparator.comparingLong(standing::asideMillis)); // stable: equal times keep file order
    Map<String, Mark> byId = new HashMap<>();
    for (int j : order) {
      String id = standing.idName(standing.asideIdIndex(j));
      Mark m = byId.getOrDefault(id, NONE);
      switch (standing.aside(j)) {
        case SUSPEND: m = new Mark(true, m.flagged(), m.buriedAt()); break;
        case UNSUSPEND: m = new Mark(false, m.flagged(), m.buriedAt()); break;
        case FLAG: m = new Mark(m.suspended(), true, m.buriedAt()); break;
        case UNFLAG: m = new Mark(m.suspended(), false, m.buriedAt()); break;
        case BURY: m = new Mark(m.suspended(), m.flagged(), Math.max(m.buriedAt(), standing.asideMillis(j))); break;
      }
      byId.put(id, m);
    }
    return new Marks(byId);
  }

  public Mark get(String id) {
    return byId.getOrDefault(id, NONE);
  }

  /** Ids with any standing set-aside event. */
  public Set<String> ids() {
    return Collections.unmodifiableSet(byId.keySet());
  }
}
