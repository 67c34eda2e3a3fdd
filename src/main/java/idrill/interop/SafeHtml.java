package idrill.interop;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * HTML with nothing live left: no script, style, iframe or object, no on* handlers, no javascript: or
 * data: links; what text shows (code, tables, images by http(s) URL) stays. For HTML that goes to Anki
 * and HTML that comes in with an import.
 */
final class SafeHtml {
  private static final Safelist SAFE = Safelist.relaxed()
      .addTags("details", "summary", "hr", "del", "s", "kbd", "samp", "var", "mark", "ins", "abbr", "center")
      .addAttributes(":all", "class", "align", "title")
      .addAttributes("code", "class")
      .addAttributes("pre", "class")
      .addAttributes("ol", "start")
      .addAttributes("details", "open")
      .removeProtocols("a", "href", "ftp", "mailto")
      .preserveRelativeLinks(true);

  private SafeHtml() {}

  /** The fragment as it is when nothing in it is live, else cleaned. */
  static String safe(String html) {
    return isLive(html) ? clean(html) : html;
  }

  /** A fragment's body HTML, cleaned; text outside tags is kept as it was (entities included). */
  static String clean(String html) {
    if (html.indexOf('<') < 0) return html;
    Document dirty = Jsoup.parseBodyFragment(html, "http://idrill.invalid/");
    Document clean = new Cleaner(SAFE).clean(dirty);
    clean.outputSettings().prettyPrint(false);
    return clean.body().html();
  }

  private static final java.util.Set<String> LIVE_TAGS = java.util.Set.of("script", "style", "iframe", "frame", "frameset",
      "object", "embed", "applet", "form", "input", "button", "textarea", "select", "link", "meta", "base", "svg", "math",
      "audio", "video", "template", "noscript");
  private static final java.util.Set<String> URL_ATTRS = java.util.Set.of("href", "src", "action", "formaction", "srcset",
      "xlink:href", "background", "poster", "data");

  /**
   * True when a fragment (even an unclosed tag) holds something live: a tag that runs or embeds, an on*
   * handler, or a javascript:, vbscript: or data: URL. Plain formatting tags are not live.
   */
  static boolean isLive(String html) {
    if (html.indexOf('<') < 0) return false;
    for (org.jsoup.nodes.Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
      if (LIVE_TAGS.contains(e.normalName())) return true;
      for (org.jsoup.nodes.Attribute a : e.attributes()) {
        String key = a.getKey().toLowerCase(java.util.Locale.ROOT);
        if (key.startsWith("on")) return true;
        if (URL_ATTRS.contains(key)) {
          String v = a.getValue().replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(java.util.Locale.ROOT);
          if (v.startsWith("javascript:") || v.startsWith("vbscript:") || v.startsWith("data:")) return true;
        }
      }
    }
    return false;
  }
}
