import article from './article';
import quote from './quote';
import source from './source';

export default { article, quote, source };
