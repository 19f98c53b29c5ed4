// The size of a proposal's share card (Open Graph's recommended 1.91:1), shared by the page's
// meta tags and the renderer.
export const cardSize = { width: 1200, height: 630 }
