// ccxt's binance class, with its default options, against the paper exchange: only the URLs change.
// Usage: node smoke.mjs <paper base URL> <api key> <secret>   (see README.md beside this file)
import ccxt from 'ccxt';

const [base, apiKey, secret] = process.argv.slice(2);
if (!base || !apiKey || !secret) {
    console.error('usage: node smoke.mjs <paper base URL> <api key> <secret>');
    process.exit(2);
}
const exchange = new ccxt.binance({ apiKey, secret });
const rewrite = (urls) => {
    for (const [name, url] of Object.entries(urls)) {
        if (typeof url === 'string') {
            urls[name] = url.replace(/^https?:\/\/[^/]+/, base);
        } else if (url && typeof url === 'object') {
            rewrite(url);
        }
    }
};
rewrite(exchange.urls.api);

const markets = await exchange.loadMarkets();
console.log(`loadMarkets: ${Object.keys(markets).length} markets, e.g. ${Object.keys(markets).slice(0, 3).join(', ')}`);
console.log(`currencies: ${Object.keys(exchange.currencies).join(', ')}`);
const before = await exchange.fetchBalance();
console.log(`fetchBalance: USDT free ${before.free.USDT}, BTC free ${before.free.BTC ?? 0}`);
const order = await exchange.createOrder('BTC/USDT', 'market', 'buy', 0.001);
console.log(`createOrder: ${order.id} ${order.status} filled ${order.filled} at ${order.average}, fee ${order.fee?.cost} ${order.fee?.currency}`);
const fetched = await exchange.fetchOrder(order.id, 'BTC/USDT');
console.log(`fetchOrder: ${fetched.id} ${fetched.status}`);
const trades = await exchange.fetchMyTrades('BTC/USDT');
console.log(`fetchMyTrades: ${trades.length} trade(s)`);
const after = await exchange.fetchBalance();
console.log(`fetchBalance: USDT free ${after.free.USDT}, BTC free ${after.free.BTC}`);
if (fetched.status !== 'closed' || !(after.free.BTC > 0)) {
    console.error('the order did not fill as expected');
    process.exit(1);
}
console.log('ccxt smoke: OK');
