/** Entry of dist/excel/functions.js: registers the PARTNER.* custom functions, nothing else. */
import { customFunctionsApi } from './customFunctionsApi';
import { registerFunctions } from './registerFunctions';

registerFunctions(customFunctionsApi());
