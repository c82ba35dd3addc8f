import { describe, expect, it } from "vitest";
import { detectPhotoType } from "./type";

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new TextEncoder().encode(text);

describe("detectPhotoType", () => {
  it("recognises JPEG, PNG and WebP by their signatures", () => {
    expect(detectPhotoType(bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10))).toBe("image/jpeg");
    expect(detectPhotoType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00))).toBe("image/png");
    expect(detectPhotoType(new Uint8Array([...ascii("RIFF"), 0x24, 0, 0, 0, ...ascii("WEBPVP8 ")]))).toBe("image/webp");
  });

  it("refuses text, HTML and SVG whatever they are named", () => {
    expect(detectPhotoType(ascii("hello, this is not a photo"))).toBeNull();
    expect(detectPhotoType(ascii("<html><script>alert(1)</script></html>"))).toBeNull();
    expect(detectPhotoType(ascii('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });

  it("refuses other RIFF files, GIF and truncated signatures", () => {
    expect(detectPhotoType(new Uint8Array([...ascii("RIFF"), 0x24, 0, 0, 0, ...ascii("WAVEfmt ")]))).toBeNull();
    expect(detectPhotoType(ascii("GIF89a"))).toBeNull();
    expect(detectPhotoType(bytes(0xff, 0xd8))).toBeNull();
    expect(detectPhotoType(bytes(0x89, 0x50, 0x4e, 0x47))).toBeNull();
    expect(detectPhotoType(new Uint8Array())).toBeNull();
  });
});
