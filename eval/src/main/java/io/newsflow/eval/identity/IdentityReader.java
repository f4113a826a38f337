package io.newsflow.eval.identity;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the identity set ({@code linking/wikipedia/}, README "Entity identity across documents"): {@code wikipedia.xml},
 * one {@code <document docName>} per text with its {@code <annotation>}s, and the text of each in {@code RawText/<docName>}.
 * Offsets and lengths in the XML count code points of the raw text; they become UTF-16 offsets here. Only the
 * documents the XML lists are read (a text without annotations has nothing to score).
 */
public final class IdentityReader {

    private IdentityReader() {
    }

    /** @param limit at most this many documents (0: all) */
    public static List<IdentityDocument> read(Path dir, int limit) throws IOException {
        Path xml = dir.resolve("wikipedia.xml");
        Path texts = dir.resolve("RawText");
        if (!Files.isRegularFile(xml) || !Files.isDirectory(texts)) {
            throw new IOException("no identity set at " + dir + " (wikipedia.xml and RawText/)");
        }
        org.w3c.dom.Document dom;
        try (InputStream in = Files.newInputStream(xml)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            dom = factory.newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(xml + ": " + e.getMessage(), e);
        }
        List<IdentityDocument> docs = new ArrayList<>();
        NodeList documents = dom.getElementsByTagName("document");
        for (int d = 0; d < documents.getLength() && (limit <= 0 || docs.size() < limit); d++) {
            Element document = (Element) documents.item(d);
            String name = document.getAttribute("docName");
            String text = Files.readString(texts.resolve(name), StandardCharsets.UTF_8);
            docs.add(new IdentityDocument(name, text, mentions(name, text, document.getElementsByTagName("annotation"))));
        }
        return docs;
    }

    private static List<IdentityDocument.GoldMention> mentions(String name, String text, NodeList annotations) {
        List<IdentityDocument.GoldMention> mentions = new ArrayList<>();
        for (int a = 0; a < annotations.getLength(); a++) {
            Element annotation = (Element) annotations.item(a);
            int offset = Integer.parseInt(child(annotation, "offset").strip());
            int length = Integer.parseInt(child(annotation, "length").strip());
            int codePoints = text.codePointCount(0, text.length());
            if (offset < 0 || length <= 0 || offset + length > codePoints) {
                throw new IllegalArgumentException(name + ": annotation at " + offset + "+" + length + " lies outside the text");
            }
            int start = text.offsetByCodePoints(0, offset);
            int end = text.offsetByCodePoints(start, length);
            mentions.add(new IdentityDocument.GoldMention(start, end, text.substring(start, end),
                    IdentityDocument.normaliseTitle(child(annotation, "wikiName"))));
        }
        return mentions;
    }

    private static String child(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
    }
}
