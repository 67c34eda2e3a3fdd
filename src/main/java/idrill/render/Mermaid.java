package idrill.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Renders a Mermaid flowchart that is a single chain of edges as one line of text. */
final class Mermaid {
  private Mermaid() {}

  private record Edge(String from, String label, String to) {}

  static final char GLUE = '\u00a0';

  /**
   * "A ──label──▶ B ──▶ C", or null when the diagram is not one simple chain. Spaces inside labels
   * are GLUE (no-break) so a wrap breaks only between nodes; callers turn them back into spaces.
   */
  static String chain(String src) {
    String[] lines = src.split("\n");
    int k = 0;
    while (k < lines.length && skip(lines[k])) k++;
    if (k == lines.length || !header(lines[k])) return null;
    Map<String, String> labels = new HashMap<>();
    List<Edge> edges = new ArrayList<>();
    for (k++; k < lines.length; k++) {
      if (skip(lines[k])) continue;
      if (!new LineParser(strip(lines[k]), labels).edges(edges)) return null;
    }
    return edges.isEmpty() ? null : draw(edges, labels);
  }

  private static boolean skip(String line) {
    String t = line.trim();
    return t.isEmpty() || t.startsWith("%%");
  }

  private static String strip(String line) {
    String t = line.trim();
    return t.endsWith(";") ? t.substring(0, t.length() - 1).trim() : t;
  }

  private static boolean header(String line) {
    String[] w = strip(line).split("\\s+");
    return w.length == 2
        && (w[0].equals("graph") || w[0].equals("flowchart"))
        && (w[1].equals("LR") || w[1].equals("TD") || w[1].equals("TB"));
  }

  /** Orders the edges into one path; null when they branch, loop or fall apart. */
  private static String draw(List<Edge> edges, Map<String, String> labels) {
    Map<String, Edge> out = new HashMap<>();
    Set<String> targets = new HashSet<>();
    for (Edge e : edges) {
      if (out.put(e.from, e) != null || !targets.add(e.to)) return null;
    }
    String start = null;
    for (Edge e : edges) {
      if (!targets.contains(e.from)) {
        if (start != null) return null;
        start = e.from;
      }
    }
    if (start == null) return null;
    StringBuilder b = new StringBuilder(glue(labels.getOrDefault(start, start)));
    Set<String> seen = new HashSet<>();
    seen.add(start);
    String at = start;
    for (int steps = 0; steps < edges.size(); steps++) {
      Edge e = out.get(at);
      if (e == null || !seen.add(e.to)) return null;
      if (e.label.isEmpty()) b.append(" ──▶ ");
      else b.append(" ──").append(glue(e.label)).append("──▶ ");
      b.append(glue(labels.getOrDefault(e.to, e.to)));
      at = e.to;
    }
    return b.toString();
  }

  private static String glue(String label) {
    return label.replace(' ', GLUE);
  }

  /** Parses "A[x] -- l --> B(y) -->|m| C" into edges, recording node labels. */
  private static final class LineParser {
    private final String s;
    private final Map<String, String> labels;
    private int i;

    LineParser(String s, Map<String, String> labels) {
      this.s = s;
      this.labels = labels;
    }

    boolean edges(List<Edge> edges) {
      String from = node();
      if (from == null) return false;
      while (true) {
        spaces();
        if (i >= s.length()) return true;
        String label = arrow();
        if (label == null) return false;
        String to = node();
        if (to == null) return false;
        edges.add(new Edge(from, label, to));
        from = to;
      }
    }

    private void spaces() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    }

    /** A node id with an optional shape holding its label; returns the id. */
    private String node() {
      spaces();
      int start = i;
      while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
      if (i == start) return null;
      String id = s.substring(start, i);
      if (i < s.length() && "[({".indexOf(s.charAt(i)) >= 0) {
        int end = shapeEnd(i);
        if (end < 0) return null;
        String label = unquote(trimShape(s.substring(i, end)));
        labels.put(id, label.isEmpty() ? id : label);
        i = end;
      } else {
        labels.putIfAbsent(id, id);
      }
      return id;
    }

    /** End (exclusive) of the bracketed shape starting at i, quotes respected; or -1. */
    private int shapeEnd(int from) {
      int level = 0;
      boolean quoted = false;
      for (int j = from; j < s.length(); j++) {
        char c = s.charAt(j);
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if ("[({".indexOf(c) >= 0) level++;
        else if (")]}".indexOf(c) >= 0 && --level == 0) return j + 1;
      }
      return -1;
    }

    private static String trimShape(String shape) {
      int a = 0;
      int b = shape.length();
      while (a < b && "[({/\\>".indexOf(shape.charAt(a)) >= 0) a++;
      while (b > a && ")]}/\\".indexOf(shape.charAt(b - 1)) >= 0) b--;
      return shape.substring(a, b).trim();
    }

    private static String unquote(String t) {
      if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) t = t.substring(1, t.length() - 1);
      return t.replace("<br>", " ").replace("<br/>", " ").trim();
    }

    /** An arrow: -->, ==>, -.->, with an optional "-- label -->" or "-->|label|"; returns the label. */
    private String arrow() {
      String label;
      if (s.startsWith("-.->", i)) {
        i += 4;
        label = "";
      } else if (s.startsWith("-.", i)) {
        label = until(i + 2, ".->");
      } else if (plain('-') || plain('=')) {
        label = "";
      } else if (s.startsWith("--", i)) {
        label = until(i + 2, "-->");
      } else if (s.startsWith("==", i)) {
        label = until(i + 2, "==>");
      } else {
        return null;
      }
      if (label == null) return null;
      if (label.isEmpty() && i < s.length() && s.charAt(i) == '|') {
        int close = s.indexOf('|', i + 1);
        if (close < 0) return null;
        label = unquote(s.substring(i + 1, close).trim());
        i = close + 1;
      }
      return label;
    }

    /** Consumes an unlabelled arrow of two or more c followed by '>'. */
    private boolean plain(char c) {
      int j = i;
      while (j < s.length() && s.charAt(j) == c) j++;
      if (j - i < 2 || j >= s.length() || s.charAt(j) != '>') return false;
      i = j + 1;
      return true;
    }

    private String until(int from, String close) {
      int end = s.indexOf(close, from);
      if (end < 0) return null;
      i = end + close.length();
      String label = unquote(s.substring(from, end).trim());
      return label.isEmpty() ? null : label;
    }
  }
}
