// The newsroom's options at their defaults, as Strapi gives them to the plugin when the host sets
// none (the config's scalar defaults, each list filled by withDefaultLists), for unit tests of the
// pure core. The agencies, the house distributor and the outlets are those of the seed dispatch.
import pluginConfig, { withDefaultLists, type NewsroomOptions } from '../../server/src/config';

export const config: NewsroomOptions = withDefaultLists({ ...pluginConfig.default });
