import article from './article';
import quote from './quote';
import source from './source';
import subject from './subject';

export default { article, quote, source, subject };
