package idrill.render;

/** Just enough HTML for banks: show the text, drop the tags, keep line breaks. */
final class Html {
  private Html() {}

  /** True for <br>, <br/>, <br /> in any case. */
  static boolean isBreak(String tag) {
    return tag != null && tag.length() >= 3 && tag.regionMatches(true, 0, "<br", 0, 3)
        && (tag.length() == 3 || !Character.isLetterOrDigit(tag.charAt(3)));
  }

  /** Text of an HTML fragment: tags and comments removed, <br> and block tags become \n. */
  static String text(String html) {
    StringBuilder b = new StringBuilder(html.length());
    int n = html.length();
    for (int i = 0; i < n; ) {
      char c = html.charAt(i);
      if (c == '<' && html.startsWith("<!--", i)) {
        int end = html.indexOf("-->", i + 4);
        i = end < 0 ? n : end + 3;
      } else if (c == '<' && i + 1 < n && isTagStart(html.charAt(i + 1))) {
        int end = html.indexOf('>', i);
        if (end < 0) end = n - 1;
        b.append(replacement(html.substring(i, end + 1)));
        i = end + 1;
      } else if (c == '&') {
        i = entity(html, i, b);
      } else {
        b.append(Character.isWhitespace(c) ? ' ' : c);
        i++;
      }
    }
    return Sanitizer.clean(b.toString());
  }

  private static boolean isTagStart(char c) {
    return Character.isLetter(c) || c == '/' || c == '!' || c == '?';
  }

  private static String replacement(String tag) {
    if (isBreak(tag)) return "\n";
    int a = tag.startsWith("</") ? 2 : 1;
    int z = a;
    while (z < tag.length() && Character.isLetterOrDigit(tag.charAt(z))) z++;
    return switch (tag.substring(a, z).toLowerCase(java.util.Locale.ROOT)) {
      case "p", "div", "li", "tr", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
          "details", "summary", "blockquote", "pre", "hr", "section", "dl", "dt", "dd" -> "\n";
      case "td", "th" -> " ";
      default -> "";
    };
  }

  /** Decodes the entity at i into b, returning the index after it. */
  private static int entity(String s, int i, StringBuilder b) {
    int limit = Math.min(s.length(), i + 12); // bounded, so many bare & stay linear
    int semi = -1;
    for (int k = i + 1; k < limit && semi < 0; k++) if (s.charAt(k) == ';') semi = k;
    if (semi < 0) {
      b.append('&');
      return i + 1;
    }
    String name = s.substring(i + 1, semi);
    String v = switch (name) {
      case "amp" -> "&";
      case "lt" -> "<";
      case "gt" -> ">";
      case "quot" -> "\"";
      case "apos", "#39" -> "'";
      case "nbsp" -> "\u00a0";
      default -> null;
    };
    if (v == null && name.startsWith("#")) {
      try {
        boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
        int cp = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
        if (Character.isValidCodePoint(cp) && cp != 0) v = new String(Character.toChars(cp));
      } catch (NumberFormatException e) {
        v = null;
      }
    }
    if (v == null) {
      b.append('&');
      return i + 1;
    }
    b.append(v);
    return semi + 1;
  }
}
