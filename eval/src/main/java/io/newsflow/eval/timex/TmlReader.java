package io.newsflow.eval.timex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the shared {@code .tml} files: {@code <DOCID>}, the {@code <DCT>} TIMEX3, and {@code <TEXT>} with inline,
 * non-nested TIMEX3 elements. The document text is the content of {@code <TEXT>} with the tags removed and the
 * XML entities unescaped; offsets count UTF-16 units from its start. Other TimeML annotation inside the text
 * (EVENT, SIGNAL in the French TimeBank) is removed with its tags, its words kept.
 */
public final class TmlReader {

    private static final Pattern DOCID = Pattern.compile("<DOCID>(.*?)</DOCID>", Pattern.DOTALL);
    private static final Pattern DCT = Pattern.compile("<DCT>\\s*<TIMEX3([^>]*)>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<(/?)TIMEX3((?:\\s[^>]*)?)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:-]+)\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");
    /** Any element but TIMEX3: {@code <EVENT ...>}, {@code </SIGNAL>}, {@code <MAKEINSTANCE .../>}. */
    private static final Pattern OTHER_TAG = Pattern.compile("</?(?!TIMEX3\\b)[A-Za-z][\\w:-]*(?:\\s[^>]*)?/?>");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);");

    private TmlReader() {
    }

    public static TmlDocument read(Path file) throws IOException {
        String fallbackId = file.getFileName().toString().replaceFirst("\\.tml$", "");
        return parse(Files.readString(file, StandardCharsets.UTF_8), fallbackId);
    }

    public static TmlDocument parse(String xml, String fallbackId) {
        Matcher id = DOCID.matcher(xml);
        String docId = id.find() ? unescape(id.group(1).strip()) : fallbackId;
        Matcher dct = DCT.matcher(xml);
        String dctValue = dct.find() ? attributes(dct.group(1)).get("value") : null;

        int open = xml.indexOf("<TEXT>");
        int close = xml.lastIndexOf("</TEXT>");
        if (open < 0 || close < open) {
            throw new IllegalArgumentException(fallbackId + ": no <TEXT> element");
        }
        String body = xml.substring(open + "<TEXT>".length(), close);

        StringBuilder text = new StringBuilder();
        List<TimexSpan> timexes = new ArrayList<>();
        Matcher tag = TAG.matcher(body);
        int last = 0;
        Map<String, String> openAttributes = null;
        int openStart = -1;
        while (tag.find()) {
            text.append(plain(body.substring(last, tag.start()), docId));
            last = tag.end();
            boolean closing = !tag.group(1).isEmpty();
            if (!closing) {
                if (openAttributes != null) {
                    throw new IllegalArgumentException(docId + ": nested TIMEX3 at " + tag.start());
                }
                openAttributes = attributes(tag.group(2));
                openStart = text.length();
                if (tag.group(2).strip().endsWith("/")) { // an empty <TIMEX3 .../>: no text extent
                    openAttributes = null;
                }
            } else {
                if (openAttributes == null) {
                    throw new IllegalArgumentException(docId + ": </TIMEX3> without <TIMEX3> at " + tag.start());
                }
                timexes.add(new TimexSpan(openStart, text.length(), openAttributes.get("type"), openAttributes.get("value"),
                        text.substring(openStart)));
                openAttributes = null;
            }
        }
        if (openAttributes != null) {
            throw new IllegalArgumentException(docId + ": unclosed TIMEX3");
        }
        text.append(plain(body.substring(last), docId));
        return new TmlDocument(docId, dctValue, text.toString(), timexes);
    }

    /** Text between TIMEX3 tags, without other annotation's tags: no other markup is allowed in {@code <TEXT>}. */
    private static String plain(String tagged, String docId) {
        String raw = OTHER_TAG.matcher(tagged).replaceAll("");
        if (raw.indexOf('<') >= 0) {
            throw new IllegalArgumentException(docId + ": a '<' that starts no element in <TEXT>: "
                    + raw.substring(raw.indexOf('<'), Math.min(raw.length(), raw.indexOf('<') + 40)));
        }
        return unescape(raw);
    }

    static Map<String, String> attributes(String s) {
        Map<String, String> attributes = new HashMap<>();
        Matcher m = ATTRIBUTE.matcher(s);
        while (m.find()) {
            attributes.put(m.group(1), unescape(m.group(3) != null ? m.group(3) : m.group(4)));
        }
        return attributes;
    }

    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String replacement = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> new String(Character.toChars(e.startsWith("#x")
                        ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1))));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
