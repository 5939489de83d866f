CREATE TABLE `yourls_url` (
  `keyword` varchar(100) NOT NULL,
  `url` text NOT NULL,
  `title` text,
  `timestamp` timestamp NOT NULL,
  `ip` varchar(41) NOT NULL,
  `clicks` int(10) unsigned NOT NULL
);
INSERT INTO `yourls_url` (`keyword`, `url`, `title`, `timestamp`, `ip`, `clicks`) VALUES ('a\\'b','http://e.com/\\n','t\\0x','2020-01-01 00:00:00','::1',3),('z',0x68747470,NULL,'2020-01-01 00:00:00','',18446744073709551615);
