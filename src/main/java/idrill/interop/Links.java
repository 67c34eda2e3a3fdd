package idrill.interop;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;

/** Relative links and images of imported Markdown resolved against a base, so they open from the bank. */
final class Links {
  private Links() {}

  /**
   * Markdown with every relative link and image destination resolved against base: a URL (ending in '/' for a
   * directory) or a directory path. Absolute URLs, #anchors, rooted paths and reference links stay.
   */
  static String resolve(String markdown, String base) {
    if (base == null || (markdown.indexOf("](") < 0)) return markdown;
    Doc doc = new Doc(markdown);
    List<int[]> at = new ArrayList<>();
    List<String> to = new ArrayList<>();
    doc.root.accept(new AbstractVisitor() {
      @Override public void visit(Link l) { found(l, l.getDestination()); visitChildren(l); }
      @Override public void visit(Image i) { found(i, i.getDestination()); visitChildren(i); }

      private void found(Node n, String dest) {
        if (dest == null || dest.isEmpty() || n.getSourceSpans().isEmpty() || !relative(dest)) return;
        int from = n.getLastChild() != null && !n.getLastChild().getSourceSpans().isEmpty() ? doc.end(n.getLastChild()) : doc.start(n);
        int end = doc.end(n);
        int open = doc.text.indexOf("](", from);
        if (open < 0 || open >= end) return;
        int d = open + 2;
        while (d < end && (doc.text.charAt(d) == ' ' || doc.text.charAt(d) == '<')) d++;
        if (!doc.text.startsWith(dest, d)) return; // written with escapes: left as it is
        String resolved = against(base, dest);
        if (resolved == null) return;
        at.add(new int[] {d, d + dest.length()});
        to.add(resolved);
      }
    });
    if (at.isEmpty()) return markdown;
    StringBuilder b = new StringBuilder(doc.text);
    for (int k = at.size() - 1; k >= 0; k--) b.replace(at.get(k)[0], at.get(k)[1], to.get(k));
    return b.toString();
  }

  private static boolean relative(String dest) {
    if (dest.startsWith("#") || dest.startsWith("/") || dest.startsWith("\\")) return false;
    return !dest.matches("(?s)[a-zA-Z][a-zA-Z0-9+.-]*:.*");
  }

  private static String against(String base, String dest) {
    try {
      if (base.matches("(?s)[a-zA-Z][a-zA-Z0-9+.-]*://.*")) return URI.create(base).resolve(dest.replace(" ", "%20")).toString();
      String resolved = Path.of(base).resolve(dest).normalize().toString();
      return resolved.contains(" ") ? "<" + resolved + ">" : resolved;
    } catch (IllegalArgumentException e) { // InvalidPathException too
      return null;
    }
  }
}
