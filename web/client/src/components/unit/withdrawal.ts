// 撤回推荐 calls DELETE /api/recommendations/:applicationId (answer 204), which frees the recommendation's place.
// The button shows only while this is true: it stays a switch so a deployment whose server lacks that route can
// hide a button whose every click would be answered with 404.
export const withdrawalAvailable = true;
