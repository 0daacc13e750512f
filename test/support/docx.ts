// Reads a .docx back as the text of its paragraphs: the file is a zip whose word/document.xml holds them
// (w:p elements, their text in w:t runs). Enough to check what a report says, without a second library
// that writes Word files.
import { strFromU8, unzipSync } from "fflate";

export function docxParagraphs(bytes: Buffer | Uint8Array): string[] {
  const files = unzipSync(new Uint8Array(bytes));
  const xml = files["word/document.xml"];
  if (!xml) throw new Error("not a Word document: no word/document.xml");
  return strFromU8(xml)
    .split("</w:p>")
    .map((paragraph) =>
      [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
        .map((match) => match[1]!)
        .join("")
        .replaceAll("&amp;", "&")
        .replaceAll("&lt;", "<")
        .replaceAll("&gt;", ">")
        .replaceAll("&quot;", '"')
        .replaceAll("&apos;", "'"),
    )
    .filter((text) => text !== "");
}
