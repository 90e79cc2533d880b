/** Types for the parts of punycode.js (RFC 3492 / RFC 5891) the site checks use; the package ships none. */
declare module 'punycode.js' {
  const punycode: {
    /** Converts a punycode domain or label (`xn--…`) to Unicode; other labels pass through. */
    toUnicode(input: string): string;
    /** Converts a Unicode domain or label to punycode; ASCII labels pass through. */
    toASCII(input: string): string;
  };
  export default punycode;
}
