; The installer's own sentences, English and Simplified Chinese (NSIS's language files bring
; the rest). Included by NSIS.template.in as UTF-8.
LangString RemoveData ${LANG_ENGLISH} "Remove my data"
LangString RemoveData ${LANG_SIMPCHINESE} "删除我的数据"
LangString RemoveDataDescription ${LANG_ENGLISH} "Also delete your encrypted vault (profile, payment history, drafts, unsent reports), settings and logs from this computer. Leave this unticked to keep them for a later installation."
LangString RemoveDataDescription ${LANG_SIMPCHINESE} "同时从这台电脑删除您的加密保险库（个人资料、缴费记录、草稿、未发送的报告）、设置和日志。不勾选则保留，以便以后重新安装时继续使用。"
LangString BadPlatform ${LANG_ENGLISH} "The platform address must start with https:// :"
LangString BadPlatform ${LANG_SIMPCHINESE} "平台地址必须以 https:// 开头："
