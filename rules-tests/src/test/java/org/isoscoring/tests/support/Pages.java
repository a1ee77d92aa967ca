package org.isoscoring.tests.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the elements of an HTML page that carry a {@code data-} attribute, with all their attributes. */
public final class Pages {

    private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)(\\s[^<>]*?)?/?>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:][-a-zA-Z0-9_:.]*)=\"([^\"]*)\"");

    private Pages() {
    }

    /** Every element that has the attribute, in page order, each as its attributes (values unescaped). */
    public static List<Map<String, String>> withAttribute(String html, String attribute) {
        List<Map<String, String>> found = new ArrayList<>();
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            if (tag.group(2) == null) {
                continue;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("", tag.group(1));
            Matcher a = ATTRIBUTE.matcher(tag.group(2));
            while (a.find()) {
                attributes.put(a.group(1), unescape(a.group(2)));
            }
            if (attributes.containsKey(attribute)) {
                found.add(attributes);
            }
        }
        return found;
    }

    /** The one element whose attribute has the value. */
    public static Map<String, String> one(String html, String attribute, String value) {
        List<Map<String, String>> all = withAttribute(html, attribute).stream()
                .filter(e -> value.equals(e.get(attribute))).toList();
        if (all.size() != 1) {
            throw new AssertionError(all.size() + " elements with " + attribute + "=\"" + value + "\"");
        }
        return all.get(0);
    }

    public static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
