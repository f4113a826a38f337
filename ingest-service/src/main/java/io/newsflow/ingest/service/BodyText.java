package io.newsflow.ingest.service;

import io.newsflow.articles.InvalidSubmissionException;
import io.newsflow.articles.SubmissionParser;
import jakarta.ws.rs.core.MediaType;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Request bodies as text, in the charset they declare. JSON and NDJSON are UTF-8 only (RFC 8259). text/plain is read
 * in the Content-Type's charset, UTF-8 when it names none. text/html in the Content-Type's charset, else the one the
 * page declares ({@code <meta charset>}, {@code <meta http-equiv="Content-Type">}) unless its bytes are valid UTF-8,
 * else UTF-8. Bytes that are not valid in that charset are a 400, never replaced; a charset name Java does not know
 * is a 415.
 */
public final class BodyText {

    /** What the 415 answers list. */
    public static final String ACCEPTED = "Send application/json (UTF-8), text/plain or text/html (charset as declared, "
            + "UTF-8 by default) to /articles, application/x-ndjson (UTF-8) to /articles/batch.";

    private static final MediaType NDJSON = MediaType.valueOf("application/x-ndjson");
    /** Browsers look for the page's charset declaration in its first bytes; real pages put it well within these. */
    private static final int META_PRESCAN_BYTES = 8192;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta\\b[^>]*?\\bcharset\\s*=\\s*[\"']?\\s*([^\\s\"';>/]+)", Pattern.CASE_INSENSITIVE);

    private BodyText() {
    }

    /** The body as text (see the class comment); {@code type} is the request's Content-Type, null when absent. */
    public static String decode(byte[] body, MediaType type) {
        Optional<Charset> declared = type == null ? Optional.empty() : declaredCharset(type);
        boolean html = type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE);
        if (html && declared.isPresent()) {
            return decode(body, asBrowsersRead(declared.get()), "the Content-Type header");
        }
        if (html) {
            Optional<String> meta = metaCharset(body);
            if (meta.isPresent()) {
                Charset pageCharset = charset(meta.get(), "the page's <meta> charset declaration");
                // a declaration readable as ASCII cannot be UTF-16: browsers read such pages as UTF-8
                if (!pageCharset.name().startsWith("UTF-16") && !isUtf8WithNonAscii(body)) {
                    return decode(body, asBrowsersRead(pageCharset), "the page's <meta> charset declaration");
                }
            }
        }
        if (declared.isPresent() && !declared.get().equals(StandardCharsets.UTF_8)) {
            return decode(body, declared.get(), "the Content-Type header");
        }
        return SubmissionParser.utf8(body);
    }

    /**
     * The charset the Content-Type names, if any: an unknown name is a 415, and so is any charset but UTF-8 for
     * JSON and NDJSON. Checked before the body is read.
     */
    public static Optional<Charset> declaredCharset(MediaType type) {
        String name = parameter(type.getParameters(), "charset");
        if (name == null) {
            return Optional.empty();
        }
        Charset charset = charset(name, "the Content-Type header");
        boolean json = type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.isCompatible(NDJSON);
        if (json && !charset.equals(StandardCharsets.UTF_8)) {
            throw new UnsupportedMediaTypeException("JSON is UTF-8 only (RFC 8259): charset '" + name + "' is not accepted. " + ACCEPTED);
        }
        return Optional.of(charset);
    }

    private static Charset charset(String name, String where) {
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UnsupportedMediaTypeException("The charset '" + name + "' named by " + where + " is not known. " + ACCEPTED);
        }
    }

    private static String decode(byte[] body, Charset charset, String declaredBy) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidSubmissionException("The body is not valid " + charset.name() + " (the charset of " + declaredBy + ").");
        }
    }

    /** Pages labelled ISO-8859-1 or ASCII are windows-1252 in practice (curly quotes, dashes): browsers read them so. */
    private static Charset asBrowsersRead(Charset charset) {
        return charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)
                ? Charset.forName("windows-1252") : charset;
    }

    /**
     * True when the body has non-ASCII bytes and all of them form valid UTF-8: text in a single-byte charset almost
     * never does, while a page a crawler stored as UTF-8 often keeps its original {@code <meta charset>}; read it as
     * UTF-8 rather than turn "ü" into "Ã¼".
     */
    private static boolean isUtf8WithNonAscii(byte[] body) {
        boolean nonAscii = false;
        for (byte b : body) {
            if (b < 0) {
                nonAscii = true;
                break;
            }
        }
        if (!nonAscii) {
            return false;
        }
        try {
            SubmissionParser.utf8(body);
            return true;
        } catch (InvalidSubmissionException notUtf8) {
            return false;
        }
    }

    private static Optional<String> metaCharset(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, META_PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String parameter(Map<String, String> parameters, String name) {
        return parameters.entrySet().stream().filter(p -> p.getKey().equalsIgnoreCase(name))
                .map(p -> p.getValue().replace("\"", "")).findFirst().orElse(null);
    }
}
