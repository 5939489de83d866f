-- An old YOURLS install as years of upgrades leave it: begun at 1.4 (keyword varchar(200) BINARY,
-- option_id int(11)), taken to 1.10 (url and options converted to utf8mb4 by db 506, the log table
-- left latin1, db 507's url(50) index), with the custom prefix `short_` and the Expiry plugin's table.
-- Data: mixed-case keywords (Abc/abc), unicode keywords, titles and URLs, a 4,001-character URL,
-- duplicate long URLs, a NULL title, orphan log rows (clicks of a deleted link), non-ASCII referrers
-- stored in latin1. Loaded by JdbcYourlsSourceIT through the mariadb client.
SET NAMES utf8mb4;
SET time_zone = '+00:00';

CREATE TABLE `short_url` (
  `keyword` varchar(200) BINARY NOT NULL,
  `url` text BINARY NOT NULL,
  `title` text CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci,
  `timestamp` timestamp NOT NULL DEFAULT current_timestamp(),
  `ip` varchar(41) NOT NULL,
  `clicks` int(10) unsigned NOT NULL,
  PRIMARY KEY (`keyword`),
  KEY `timestamp` (`timestamp`),
  KEY `ip` (`ip`),
  KEY `url_idx` (`url`(50))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `short_log` (
  `click_id` int(11) NOT NULL AUTO_INCREMENT,
  `click_time` datetime NOT NULL,
  `shorturl` varchar(200) BINARY NOT NULL,
  `referrer` varchar(200) NOT NULL,
  `user_agent` varchar(255) NOT NULL,
  `ip_address` varchar(41) NOT NULL,
  `country_code` char(2) NOT NULL,
  PRIMARY KEY (`click_id`),
  KEY `shorturl` (`shorturl`)
) ENGINE=MyISAM DEFAULT CHARSET=latin1;

CREATE TABLE `short_options` (
  `option_id` int(11) NOT NULL AUTO_INCREMENT,
  `option_name` varchar(64) NOT NULL DEFAULT '',
  `option_value` longtext NOT NULL,
  PRIMARY KEY (`option_id`,`option_name`),
  KEY `option_name` (`option_name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `short_expiry` (
  `keyword` varchar(200) BINARY NOT NULL,
  `type` varchar(5) NOT NULL,
  `click` varchar(5) DEFAULT NULL,
  `timestamp` varchar(20) DEFAULT NULL,
  `shelflife` varchar(20) DEFAULT NULL,
  `postexpire` varchar(200) DEFAULT NULL,
  PRIMARY KEY (`keyword`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO `short_url` (`keyword`, `url`, `title`, `timestamp`, `ip`, `clicks`) VALUES
('Abc', 'http://example.com/upper', 'Upper-case Abc', '2009-06-01 10:00:00', '10.0.0.1', 3),
('abc', 'http://example.com/lower', 'lower-case abc', '2009-06-01 10:00:01', '10.0.0.2', 1),
('ABC', 'http://example.com/lower', 'the same long URL again', '2009-06-01 10:00:02', '10.0.0.2', 0),
('1', 'http://www.example.org/', NULL, '2009-01-01 00:00:00', '127.0.0.1', 12),
('2', 'http://www.example.org/', 'duplicate long URL, keyword 2', '2009-01-01 00:00:01', '127.0.0.1', 0),
('long', CONCAT('https://example.com/long?q=', REPEAT('x', 3974)), 'A 4,001-character URL', '2014-02-03 04:05:06', '2001:db8::1', 2),
('long2', CONCAT('https://example.com/long?q=', REPEAT('x', 3974)), 'The same 4,001-character URL', '2014-02-03 04:05:07', '2001:db8::1', 0),
('café', 'https://münchen.example/straße?ö=ü', 'Ünïcödé — 日本語のタイトル', '2016-07-08 09:10:11', '192.0.2.1', 1),
('日本', 'https://例え.テスト/パス', 'Japanese keyword', '2018-01-01 12:00:00', '192.0.2.2', 0),
('🚀', 'https://example.com/rocket/🎉', 'Rocket 🚀 title 𝄞', '2021-05-05 05:05:05', '192.0.2.3', 0),
('Ａ', 'https://example.com/fullwidth', 'Fullwidth A (U+FF21): after 🚀 in UTF-16, before it in UTF-8', '2021-05-05 05:05:06', '192.0.2.3', 0),
('quote', 'https://example.com/it''s?a="b"&c=\\d', 'It''s "quoted" \\ back\\slash\nand a second line\ttab', '2022-02-02 02:02:02', '', 0),
('expiring', 'https://example.com/soon', 'Expires by the plugin', '2023-03-03 03:03:03', '192.0.2.4', 0);

INSERT INTO `short_log` (`click_time`, `shorturl`, `referrer`, `user_agent`, `ip_address`, `country_code`) VALUES
('2009-06-02 08:00:00', 'Abc', 'https://münchen.example/seite', 'Mozilla/5.0 (Ünïcode UA)', '198.51.100.1', 'DE'),
('2009-06-02 08:00:01', 'Abc', 'direct', 'curl/7.1', '198.51.100.2', ''),
('2009-06-02 08:00:02', 'Abc', 'http://www.google.fr/search?q=café', 'Mozilla/4.0', '198.51.100.3', 'FR'),
('2009-06-03 09:00:00', 'abc', '', 'Wget', '198.51.100.4', 'US'),
('2016-07-09 10:00:00', 'café', 'https://señor.example/', 'Mozilla/5.0', '198.51.100.5', 'ES'),
('2014-02-04 00:00:00', 'long', 'direct', 'bot', '2001:db8::2', ''),
('2014-02-04 00:00:01', 'long', 'direct', 'bot', '2001:db8::2', ''),
('2010-10-10 10:10:10', 'deleted', 'http://old.example/', 'Mozilla/3.0', '203.0.113.9', 'GB'),
('2010-10-10 10:10:11', 'deleted', 'direct', 'Mozilla/3.0', '203.0.113.9', 'GB'),
('2011-11-11 11:11:11', 'renamed-away', 'direct', 'Opera/9.80', '203.0.113.10', 'NL');

INSERT INTO `short_options` (`option_name`, `option_value`) VALUES
('version', '1.10.4'),
('db_version', '507'),
('next_id', '913'),
('active_plugins', 'a:1:{i:0;s:17:"expiry/plugin.php";}');

INSERT INTO `short_expiry` VALUES
('expiring', 'clock', NULL, '1700000000', '604800', 'none'),
('Abc', 'click', '100', '1600000000', NULL, 'https://example.com/expired');
