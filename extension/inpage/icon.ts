/**
 * Wayfarer's icon as a data URI for the EIP-6963 announcement (the standard asks for a data URI so
 * dApps never fetch anything to show the wallet). Same drawing as extension/public/icons/icon.svg;
 * a unit test keeps the two identical.
 * @module
 */
export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect width="128" height="128" rx="28" fill="#0f3d3e"/>
  <circle cx="64" cy="64" r="40" fill="none" stroke="#f2c14e" stroke-width="8"/>
  <path d="M64 30 L74 64 L64 98 L54 64 Z" fill="#f2c14e"/>
  <circle cx="64" cy="64" r="7" fill="#0f3d3e"/>
</svg>
`;

export const ICON_DATA_URI = `data:image/svg+xml;base64,${btoa(ICON_SVG)}`;
