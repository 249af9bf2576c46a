// 撤回推荐 calls DELETE /api/recommendations/:applicationId (answer 204), which frees the recommendation's place.
// The button shows only while this is true: set it when the server registers that route (issue 12, withdrawal), so
// no reviewer meets a button whose every click the server would answer with 404.
export const withdrawalAvailable = false;
