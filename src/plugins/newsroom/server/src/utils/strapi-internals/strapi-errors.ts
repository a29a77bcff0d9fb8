// Reaches into: the copy of @strapi/utils that Strapi's own core loads. Strapi answers an error
// with its status and details only when it is an instance of *that* copy's ApplicationError
// (core/dist/middlewares/errors.js); an app can hold several copies of @strapi/utils (npm put
// 5.55.0 at the top of a 5.54.0 app for a plugin's peer dependency, every Strapi package keeping
// its own 5.54.0), and an error made from another copy becomes a 500. So the plugin takes the
// error classes from beside @strapi/core. tests/plugin/foreign-app.test.ts fails (400 → 500) if
// this breaks.
import { createRequire } from 'module';
import type { errors as StrapiErrors } from '@strapi/utils';

// Strapi loads the CommonJS build; the ES module build resolves from the app's root instead.
const here = typeof require === 'function' ? require : createRequire(`${process.cwd()}/package.json`);
const besideCore = createRequire(here.resolve('@strapi/core'));

export const errors: typeof StrapiErrors = besideCore('@strapi/utils').errors;
