// Storybook for designers: web components on Vite. The root vite.config.ts is merged in by the builder
// (workspace packages from source, Lit decorators), so stories import @kpro/elements like any host would.
import type { StorybookConfig } from '@storybook/web-components-vite';
import remarkGfm from 'remark-gfm';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  // addon-docs compiles the .mdx pages (with GitHub tables: the guides are mostly tables); addon-a11y runs axe
  // on every story.
  addons: [
    { name: '@storybook/addon-docs', options: { mdxPluginOptions: { mdxCompileOptions: { remarkPlugins: [remarkGfm] } } } },
    '@storybook/addon-a11y',
  ],
  core: { disableTelemetry: true }, // no network here, and no tracking of the people using it
  // Storybook's own manager and docs chunks are big by nature; warn only about really big ones.
  viteFinal: (config) => ({ ...config, build: { ...config.build, chunkSizeWarningLimit: 1500 } }),
};

export default config;
