// Vite's `?raw` imports (the example theme files shown verbatim in the theming guide).
declare module '*.css?raw' {
  const css: string;
  export default css;
}
