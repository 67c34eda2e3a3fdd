package idrill.interop;

import idrill.bank.BankLoader;
import idrill.bank.BankProblem;
import idrill.bank.LoadResult;
import idrill.bank.Question;
import idrill.bank.YamlTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Banks that import writes, checked by the loader that will read them: an entry the loader refuses is
 * left out ("file:line: skipped: reason") instead of failing the whole import, and a collection larger
 * than one bank file holds (4 MiB, 10,000 questions) is split into parts that each load.
 */
public final class BankFiles {
  /** Room left under the size limit for what an estimate misses. */
  private static final int PART_BYTES = YamlTree.MAX_BYTES - (256 << 10);
  private static final int PART_QUESTIONS = BankLoader.MAX_QUESTIONS;

  /** The YAML of each part, the questions written, and each question left out as "file:line: skipped: reason". */
  public record Written(List<String> parts, List<Question> questions, List<String> skipped) {
    public Written {
      parts = List.copyOf(parts);
      questions = List.copyOf(questions);
      skipped = List.copyOf(skipped);
    }
  }

  private BankFiles() {}

  /** True when the questions need more than one bank file. */
  public static boolean needsParts(List<Question> questions) {
    if (questions.size() > PART_QUESTIONS) return true;
    long bytes = 0;
    for (Question q : questions) bytes += estimate(q);
    return bytes > PART_BYTES;
  }

  /** One bank file, or as many as the limits need when split is true; each loads as it is written. */
  public static Written write(List<Question> questions, boolean split) {
    List<String> skipped = new ArrayList<>();
    List<List<Question>> groups = new ArrayList<>();
    if (split) groups.addAll(pack(questions));
    else groups.add(questions);
    List<String> parts = new ArrayList<>();
    List<Question> written = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (List<Question> g : groups) {
      List<Question> kept = new ArrayList<>(g);
      kept.removeIf(q -> !ids.add(q.id()));
      fit(kept, split, parts, written, skipped);
    }
    return new Written(parts, written, skipped);
  }

  /** Writes kept as one part, or when the estimate missed and splitting is allowed, as two halves. */
  private static void fit(List<Question> kept, boolean split, List<String> parts, List<Question> written, List<String> skipped) {
    String yaml = checked(kept, skipped);
    if (kept.isEmpty()) return;
    if (split && kept.size() > 1 && yaml.getBytes(StandardCharsets.UTF_8).length > YamlTree.MAX_BYTES) {
      int half = kept.size() / 2;
      fit(new ArrayList<>(kept.subList(0, half)), true, parts, written, skipped);
      fit(new ArrayList<>(kept.subList(half, kept.size())), true, parts, written, skipped);
      return;
    }
    parts.add(yaml);
    written.addAll(kept);
  }

  /** The bank's YAML once every entry the loader refuses is out of kept (each reported in skipped). */
  private static String checked(List<Question> kept, List<String> skipped) {
    for (int round = 0; ; round++) {
      String yaml = BankWriter.yaml(kept);
      if (kept.isEmpty()) return yaml;
      LoadResult r = new BankLoader().loadText("(import)", yaml);
      if (!r.hasErrors()) return yaml;
      int[] starts = entryLines(yaml);
      Set<Integer> bad = new HashSet<>();
      List<String> why = new ArrayList<>();
      for (BankProblem p : r.errors()) {
        int entry = entryAt(starts, p.position().line());
        if (entry < 0 || entry >= kept.size() || !bad.add(entry)) continue;
        Question q = kept.get(entry);
        why.add(q.position().file() + ":" + q.position().line() + ": skipped: " + p.message());
      }
      // a problem of the file as a whole (its size) is no entry's: the caller splits
      if (bad.isEmpty() || round == 3) return yaml;
      skipped.addAll(why);
      List<Question> next = new ArrayList<>();
      for (int i = 0; i < kept.size(); i++) if (!bad.contains(i)) next.add(kept.get(i));
      kept.clear();
      kept.addAll(next);
    }
  }

  /** 1-based line of each "  - id:" that starts an entry. */
  private static int[] entryLines(String yaml) {
    List<Integer> lines = new ArrayList<>();
    int line = 1;
    for (int i = 0; i < yaml.length(); i++) {
      if (yaml.startsWith("  - id: ", i) && (i == 0 || yaml.charAt(i - 1) == '\n')) lines.add(line);
      if (yaml.charAt(i) == '\n') line++;
    }
    return lines.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int entryAt(int[] starts, int line) {
    int found = -1;
    for (int k = 0; k < starts.length && starts[k] <= line; k++) found = k;
    return found;
  }

  private static List<List<Question>> pack(List<Question> questions) {
    List<List<Question>> out = new ArrayList<>();
    List<Question> cur = new ArrayList<>();
    long bytes = 0;
    for (Question q : questions) {
      long size = estimate(q);
      if (!cur.isEmpty() && (bytes + size > PART_BYTES || cur.size() == PART_QUESTIONS)) {
        out.add(cur);
        cur = new ArrayList<>();
        bytes = 0;
      }
      cur.add(q);
      bytes += size;
    }
    if (!cur.isEmpty()) out.add(cur);
    return out;
  }

  /** Bytes an entry takes in YAML: its texts in UTF-8 (indented, so a little more per line) and its keys. */
  private static long estimate(Question q) {
    long b = 120 + q.id().length();
    for (String s : List.of(q.question(), q.answer())) {
      b += s.getBytes(StandardCharsets.UTF_8).length;
      b += 8L * s.chars().filter(c -> c == '\n').count();
    }
    for (String t : q.tags()) b += t.length() + 2;
    for (var r : q.refs()) b += r.url().length() + (r.title() == null ? 0 : r.title().length()) + 40;
    return b;
  }
}
